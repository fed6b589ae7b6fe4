package dev.switchboard.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * An in-app notification as one reader sees it.
 *
 * @param readAt when this reader marked it read; {@code null} while unread
 */
public record Notification(
        NotificationId id,
        Audience audience,
        String kind,
        Severity severity,
        String title,
        String body,
        String link,
        Instant createdAt,
        Instant readAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean read() {
        return readAt != null;
    }
}

package dev.switchboard.notify;

import java.util.Objects;

/**
 * A notification to post.
 *
 * @param kind what it is about, a stable code subscribers and the UI group by ({@code budget.threshold})
 * @param link where in the platform the reader can act on it (a path), or {@code null}
 * @param dedupKey the poster's idempotency key: a second post with the same key is a no-op; {@code
 *     null} for none
 */
public record NewNotification(
        Audience audience, String kind, Severity severity, String title, String body, String link, String dedupKey) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 4000;

    public NewNotification {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(severity, "severity");
        if (kind == null || kind.isBlank() || kind.length() > 60) {
            throw new NotificationValidationException("kind", "must be 1 to 60 characters");
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new NotificationValidationException("title", "must be 1 to " + MAX_TITLE + " characters");
        }
        body = body == null ? "" : body;
        if (body.length() > MAX_BODY) {
            throw new NotificationValidationException("body", "must be at most " + MAX_BODY + " characters");
        }
    }
}

package dev.switchboard.notify;

import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications: features post them (budget alerts, low provider balances, ...) to a person or
 * an org unit; people list theirs and mark them read. Posting needs no signed-in user (it happens in
 * background work); reading does. Read marks are per reader.
 */
@Service
public class Notifications {

    public static final int MAX_LIMIT = 500;

    private final NotificationRepository notifications;
    private final Readers readers;
    private final Clock clock;

    Notifications(NotificationRepository notifications, Readers readers, Clock clock) {
        this.notifications = notifications;
        this.readers = readers;
        this.clock = clock;
    }

    /**
     * Posts a notification (in the caller's transaction, if any).
     *
     * @return its id, or empty when one with the same dedup key exists already
     */
    @Transactional
    public Optional<NotificationId> post(NewNotification notification) {
        NotificationId id = new NotificationId(UUID.randomUUID());
        return notifications.insert(id, notification, now()) ? Optional.of(id) : Optional.empty();
    }

    /** What the signed-in person sees, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> mine(boolean unreadOnly, int limit) {
        return notifications.visibleTo(readers.current(), unreadOnly, checkedLimit(limit));
    }

    /** The notifications of one org unit, newest first (platform admins, finance and the unit's members). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> ofUnit(OrgUnitId unit, int limit) {
        Reader reader = readers.current();
        if (!reader.sees(new Audience.Unit(unit))) {
            throw new AccessDeniedException("not a member of org unit " + unit + " or a unit above it");
        }
        return notifications.ofUnit(reader, unit, checkedLimit(limit));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Notification markRead(NotificationId id) {
        Reader reader = readers.current();
        Notification found = notifications
                .find(reader, id)
                .filter(n -> reader.sees(n.audience()))
                .orElseThrow(() -> new NotificationNotFoundException(id));
        if (!found.read()) {
            notifications.markRead(reader, id, now());
        }
        return notifications.find(reader, id).orElseThrow();
    }

    /** Marks everything the signed-in person sees as read; how many were unread. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(readers.current(), now());
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new NotificationValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

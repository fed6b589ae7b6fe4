package dev.switchboard.notify;

import dev.switchboard.platform.SwitchboardException;

/** No notification with this id is visible to the caller. */
public final class NotificationNotFoundException extends SwitchboardException.NotFound {
    public NotificationNotFoundException(NotificationId id) {
        super("notification " + id + " does not exist");
    }
}

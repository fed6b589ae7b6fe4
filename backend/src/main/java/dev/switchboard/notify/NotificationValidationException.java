package dev.switchboard.notify;

import dev.switchboard.platform.SwitchboardException;

/** A notification breaks a rule. */
public final class NotificationValidationException extends SwitchboardException.InvalidInput {
    public NotificationValidationException(String field, String message) {
        super(field, message);
    }
}

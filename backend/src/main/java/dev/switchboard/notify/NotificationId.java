package dev.switchboard.notify;

import java.util.Objects;
import java.util.UUID;

/** Identifies an in-app notification. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

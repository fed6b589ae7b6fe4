package dev.switchboard.org;

import java.util.Objects;
import java.util.UUID;

/** Identifies a platform user. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

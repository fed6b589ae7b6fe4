package dev.switchboard.chargeback;

import java.util.Objects;
import java.util.UUID;

/** Identifies a closed chargeback statement. */
public record StatementId(UUID value) {

    public StatementId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.switchboard.ledger;

import java.util.Objects;
import java.util.UUID;

/** Identifies a price plan. */
public record PricePlanId(UUID value) {

    public PricePlanId {
        Objects.requireNonNull(value, "value");
    }

    public static PricePlanId of(String value) {
        return new PricePlanId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.switchboard.budget;

import java.util.Objects;
import java.util.UUID;

/** Identifies a budget. */
public record BudgetId(UUID value) {

    public BudgetId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.switchboard.chargeback;

import java.time.Instant;
import java.util.Objects;

/**
 * A calendar-aligned billing period, {@code [start, end)}.
 *
 * @param label {@code 2026-11} (monthly) or {@code 2026-Q4} (quarterly)
 */
public record BillingPeriod(String label, Instant start, Instant end) {

    public BillingPeriod {
        Objects.requireNonNull(label, "label");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a period starts before it ends");
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}

package dev.switchboard.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A part of the ledger to sum: rows that occurred in {@code [occurredFrom, occurredTo)} and whose ledger
 * position (see {@link LedgerCut}) is in {@code (positionAbove, positionAtMost]}.
 *
 * @param label names the slice in the {@link UsageGroup}s it yields
 */
public record UsageSlice(
        String label, Instant occurredFrom, Instant occurredTo, long positionAbove, long positionAtMost) {

    /** No upper bound on the position: everything recorded so far. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    public UsageSlice {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(occurredFrom, "occurredFrom");
        Objects.requireNonNull(occurredTo, "occurredTo");
        if (!occurredFrom.isBefore(occurredTo)) {
            throw new IllegalArgumentException("occurredFrom must be before occurredTo");
        }
        if (positionAbove < 0 || positionAtMost < positionAbove) {
            throw new IllegalArgumentException("positions must satisfy 0 <= above <= atMost");
        }
    }
}

package dev.switchboard.ledger;

/**
 * A cut through the ledger: every row recorded before it has a position at or below {@link #position()},
 * every row recorded after it a higher one, whatever the clocks of the nodes that recorded them say.
 *
 * @param at when the cut was taken (this node's clock)
 */
public record LedgerCut(long position, java.time.Instant at) {

    public LedgerCut {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative");
        }
        java.util.Objects.requireNonNull(at, "at");
    }
}

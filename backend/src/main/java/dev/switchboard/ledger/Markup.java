package dev.switchboard.ledger;

/**
 * A retail markup in basis points (1 bp = 0.01 %): retail = wholesale × (1 + bps / 10 000). Integer
 * arithmetic only; the one rounding step is half-up to the micro.
 */
public record Markup(int basisPoints) {

    public static final int MAX_BASIS_POINTS = 1_000_000; // 10 000 %: anything above is a typo

    public Markup {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new LedgerValidationException(
                    "markupBasisPoints", "must be between 0 and " + MAX_BASIS_POINTS + " (0 % to 10 000 %)");
        }
    }

    /** The retail price of a wholesale amount, rounded half up to the micro. */
    public long retailMicros(long wholesaleMicros) {
        if (wholesaleMicros < 0) {
            throw new IllegalArgumentException("wholesale must not be negative: " + wholesaleMicros);
        }
        // wholesale × (10 000 + bps) / 10 000, half up; Math.multiplyExact guards the (absurd) overflow
        long scaled = Math.multiplyExact(wholesaleMicros, 10_000L + basisPoints);
        return (scaled + 5_000) / 10_000;
    }
}

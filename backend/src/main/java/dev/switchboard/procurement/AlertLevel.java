package dev.switchboard.procurement;

/** How much is left on a provider account, as an alert state every node shares. */
public enum AlertLevel {
    /** More than the low-balance threshold is left. */
    OK,
    /** At or below the low-balance threshold, but something is left. */
    LOW,
    /** Nothing is left (a prepaid balance spent, a credit line used up). */
    EXHAUSTED;

    /** The level of an account with {@code remainingMicros} left and the given threshold. */
    static AlertLevel of(long remainingMicros, long lowBalanceMicros) {
        if (remainingMicros <= 0) {
            return EXHAUSTED;
        }
        return remainingMicros <= lowBalanceMicros ? LOW : OK;
    }

    /** Whether moving from {@code previous} to this level is a downward crossing worth an alert. */
    boolean worseThan(AlertLevel previous) {
        return ordinal() > previous.ordinal();
    }
}

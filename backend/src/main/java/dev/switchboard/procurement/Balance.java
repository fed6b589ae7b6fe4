package dev.switchboard.procurement;

/**
 * The arithmetic of an account, in micro-units of its currency: what is left is the credit limit plus
 * what was put in minus what was spent. Exact (overflow throws) and free of I/O so it can be tested
 * alone.
 */
record Balance(long creditLimitMicros, long creditedMicros, long spentMicros) {

    Balance {
        if (creditLimitMicros < 0 || spentMicros < 0) {
            throw new IllegalArgumentException("credit limit and spend are never negative");
        }
    }

    static Balance of(AccountKind kind, long creditLimitMicros, long creditedMicros, long spentMicros) {
        // a prepaid account has no limit even if someone recorded one on it by mistake
        return new Balance(kind == AccountKind.CREDIT_LINE ? creditLimitMicros : 0, creditedMicros, spentMicros);
    }

    /** Positive: money held at the provider; negative: money owed to it. */
    long balanceMicros() {
        return Math.subtractExact(creditedMicros, spentMicros);
    }

    long remainingMicros() {
        return Math.addExact(creditLimitMicros, balanceMicros());
    }

    /** The same account after {@code moreMicros} of further spend. */
    Balance spend(long moreMicros) {
        return new Balance(creditLimitMicros, creditedMicros, Math.addExact(spentMicros, moreMicros));
    }

    AlertLevel level(long lowBalanceMicros) {
        return AlertLevel.of(remainingMicros(), lowBalanceMicros);
    }
}

package dev.switchboard.ledger;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where spend in a period is heading at its burn rate so far: the average since the period started
 * (spent ÷ elapsed), the figure finance reads as "at this rate". Money stays in integer micros; the
 * arithmetic is exact (big integers), rounded down to the millisecond.
 *
 * @param spentMicros retail spent in the period so far (reservations not included)
 * @param limitMicros the budget's amount for the period
 */
public record SpendForecast(long spentMicros, long limitMicros, Instant periodStart, Instant periodEnd, Instant now) {

    public SpendForecast {
        if (spentMicros < 0 || limitMicros < 0) {
            throw new IllegalArgumentException("spent and limit must not be negative");
        }
        if (!periodStart.isBefore(periodEnd)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
    }

    private long elapsedMillis() {
        Instant clamped = now.isBefore(periodStart) ? periodStart : now.isAfter(periodEnd) ? periodEnd : now;
        return Duration.between(periodStart, clamped).toMillis();
    }

    /** Spend per day at the current rate, in micros (0 before anything was spent). */
    public long microsPerDay() {
        long elapsed = elapsedMillis();
        if (elapsed == 0) {
            return 0;
        }
        return BigInteger.valueOf(spentMicros)
                .multiply(BigInteger.valueOf(Duration.ofDays(1).toMillis()))
                .divide(BigInteger.valueOf(elapsed))
                .longValueExact();
    }

    /** What the period will have cost at its end if the rate holds. */
    public long projectedMicros() {
        long elapsed = elapsedMillis();
        if (elapsed == 0) {
            return spentMicros;
        }
        long total = Duration.between(periodStart, periodEnd).toMillis();
        return BigInteger.valueOf(spentMicros)
                .multiply(BigInteger.valueOf(total))
                .divide(BigInteger.valueOf(elapsed))
                .longValueExact();
    }

    /**
     * When the budget runs out if the rate holds: now when it already has, empty when nothing was spent
     * yet or the period resets first.
     */
    public Optional<Instant> exhaustedAt() {
        if (spentMicros >= limitMicros) {
            return Optional.of(now);
        }
        long elapsed = elapsedMillis();
        if (spentMicros == 0 || elapsed == 0) {
            return Optional.empty();
        }
        // remaining ÷ rate = (limit - spent) × elapsed ÷ spent
        BigInteger millisLeft = BigInteger.valueOf(limitMicros - spentMicros)
                .multiply(BigInteger.valueOf(elapsed))
                .divide(BigInteger.valueOf(spentMicros));
        Instant from = periodStart.plusMillis(elapsed);
        BigInteger untilEnd =
                BigInteger.valueOf(Duration.between(from, periodEnd).toMillis());
        if (millisLeft.compareTo(untilEnd) >= 0) {
            return Optional.empty();
        }
        return Optional.of(from.plusMillis(millisLeft.longValueExact()));
    }
}

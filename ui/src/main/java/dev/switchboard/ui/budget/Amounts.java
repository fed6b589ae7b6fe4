package dev.switchboard.ui.budget;

import dev.switchboard.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How the budget views write and read amounts, counts and days. Amounts stay exact: micro-units become
 * a {@link BigDecimal} with the scale of a micro, never a {@code double}; what a person types is turned
 * into micro-units only if it has no more than six decimals.
 */
final class Amounts {

    static final int MICRO_SCALE = 6;

    private Amounts() {}

    /** To the micro-unit, e.g. {@code 0.000123 USD}: what ledgers and statements show. */
    static String money(long micros, String currencyCode) {
        return BigDecimal.valueOf(micros, MICRO_SCALE).toPlainString() + " " + currencyCode;
    }

    static String money(Money money) {
        return money(money.micros(), money.currency().getCurrencyCode());
    }

    /**
     * As people say it: two decimals, more only when the amount has them ({@code 40.00 USD}, {@code
     * 0.000123 USD}), so small simulated charges do not read as nothing.
     */
    static String spoken(long micros, String currencyCode) {
        BigDecimal amount = BigDecimal.valueOf(micros, MICRO_SCALE).stripTrailingZeros();
        return amount.setScale(Math.max(2, amount.scale())).toPlainString() + " " + currencyCode;
    }

    static String spoken(Money money) {
        return spoken(money.micros(), money.currency().getCurrencyCode());
    }

    /** The decimal an amount field shows for {@code micros}. */
    static BigDecimal decimal(long micros) {
        BigDecimal amount = BigDecimal.valueOf(micros, MICRO_SCALE).stripTrailingZeros();
        return amount.setScale(Math.max(2, amount.scale()));
    }

    /**
     * Micro-units of a typed amount.
     *
     * @throws IllegalArgumentException with a message for the person when it has more than six decimals
     *     or is too large
     */
    static long micros(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > MICRO_SCALE) {
            throw new IllegalArgumentException("at most six decimals (a millionth of the currency)");
        }
        try {
            return amount.setScale(MICRO_SCALE, RoundingMode.UNNECESSARY)
                    .unscaledValue()
                    .longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("is too large");
        }
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** The share of {@code limit} that {@code used} is, in whole percent, rounded down. */
    static long percent(long used, long limit) {
        if (limit <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(used)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(limit), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    /** The calendar day of {@code instant} in {@code zone}. */
    static LocalDate day(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The last day of a period that ends (exclusively) at {@code end}: the day before its midnight. */
    static LocalDate lastDay(Instant end, ZoneId zone) {
        return LocalDate.ofInstant(end.minusNanos(1), zone);
    }
}

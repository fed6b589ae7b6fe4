package dev.switchboard.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in integer micro-units (millionths) of a currency. Never a floating point
 * number: sums and splits stay exact, and rounding happens once, where a rule says so.
 */
public record Money(long micros, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money ofMicros(long micros, String currencyCode) {
        return new Money(micros, Currency.getInstance(currencyCode));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(micros, other.micros), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(micros, other.micros), currency);
    }

    /** For display and CSV only: the amount in whole currency units with six decimals. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(micros, 6);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }
}

package dev.switchboard.ui.gateway;

import dev.switchboard.catalog.Capability;
import dev.switchboard.catalog.Tier;
import dev.switchboard.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the gateway views write amounts, prices, token counts and times. Amounts stay exact: micro-units
 * become a {@link BigDecimal} with the scale of a micro, never a {@code double}. Times are shown in UTC,
 * and say so, because the server cannot know the reader's zone without asking the browser.
 */
public final class Formats {

    static final String UTC_SUFFIX = " UTC";

    private static final int MICRO_SCALE = 6;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {}

    /** An amount to the micro-unit with its currency, e.g. {@code 0.000123 USD}. */
    public static String money(Money money) {
        return money.toDecimal().toPlainString() + " " + money.currency().getCurrencyCode();
    }

    /** Micro-units of a currency, e.g. {@code 0.000123 USD}. */
    public static String money(long micros, String currencyCode) {
        return BigDecimal.valueOf(micros, MICRO_SCALE).toPlainString() + " " + currencyCode;
    }

    /**
     * A list price per million tokens as price lists write it: at least two decimals, more only when the
     * price has them ({@code 0.10}, {@code 2.50}, {@code 0.075}).
     */
    static String perMillion(long micros, Currency currency) {
        return perMillionAmount(micros).toPlainString() + " " + currency.getCurrencyCode();
    }

    /** The decimal amount of a price per million tokens, as {@link #perMillion} writes it. */
    static BigDecimal perMillionAmount(long micros) {
        BigDecimal amount = BigDecimal.valueOf(micros, MICRO_SCALE).stripTrailingZeros();
        return amount.setScale(Math.max(2, amount.scale()));
    }

    static String tokens(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String millis(long millis) {
        return tokens(millis) + " ms";
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String tier(Tier tier) {
        return tier == null ? "" : tier.code();
    }

    /** Capabilities in a fixed order, so rows compare at a glance. */
    static String capabilities(Collection<Capability> capabilities) {
        return capabilities.stream().sorted().map(Capability::code).collect(Collectors.joining(", "));
    }

    /** The providers a call tried, in order; the last one served it (unless every one failed). */
    static String chain(List<String> providers) {
        return String.join(" → ", providers);
    }
}

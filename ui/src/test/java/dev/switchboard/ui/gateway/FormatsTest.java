package dev.switchboard.ui.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.catalog.Capability;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatsTest {

    static final Currency USD = Currency.getInstance("USD");

    @Test
    void list_prices_show_two_decimals_or_as_many_as_they_have() {
        assertThat(Formats.perMillion(100_000, USD)).isEqualTo("0.10 USD");
        assertThat(Formats.perMillion(2_500_000, USD)).isEqualTo("2.50 USD");
        assertThat(Formats.perMillion(75_000, USD)).isEqualTo("0.075 USD");
        assertThat(Formats.perMillion(1, USD)).isEqualTo("0.000001 USD");
        assertThat(Formats.perMillion(0, USD)).isEqualTo("0.00 USD");
        assertThat(Formats.perMillion(12_000_000, USD)).isEqualTo("12.00 USD");
    }

    @Test
    void charges_show_every_micro_unit() {
        assertThat(Formats.money(Money.ofMicros(123, "EUR"))).isEqualTo("0.000123 EUR");
        assertThat(Formats.money(-5, "USD")).isEqualTo("-0.000005 USD");
        assertThat(Formats.money(1_234_567_890, "USD")).isEqualTo("1234.567890 USD");
    }

    @Test
    void times_are_utc_and_lists_are_in_a_fixed_order() {
        assertThat(Formats.time(Instant.parse("2026-11-28T09:05:03.123Z"))).isEqualTo("2026-11-28 09:05:03");
        assertThat(Formats.capabilities(Set.of(Capability.STREAMING, Capability.TOOLS, Capability.JSON)))
                .isEqualTo("tools, json, streaming");
        assertThat(Formats.chain(List.of("sim-flaky", "sim-mid"))).isEqualTo("sim-flaky → sim-mid");
        assertThat(Formats.tokens(1_234_567)).isEqualTo("1,234,567");
    }
}

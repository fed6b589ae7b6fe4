package dev.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PriceTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

    /** US$ 0.15 input, 0.075 cached, 0.60 output per million tokens (gpt-4o-mini's list price). */
    private static final Price MINI = new Price(150_000, 600_000, 75_000, USD, T, "test");

    private static Price price(long input, long output, long cached) {
        return new Price(input, output, cached, USD, T, "test");
    }

    @Test
    void prompt_and_completion_tokens_are_charged_at_their_prices() {
        // 1,000 x 0.15 + 500 x 0.60 = 150 + 300 micros
        assertThat(MINI.costMicros(1_000, 0, 500)).isEqualTo(450);
    }

    @Test
    void cached_tokens_are_part_of_the_prompt_and_charged_at_the_cached_price() {
        // 2,000 uncached x 0.15 + 8,000 cached x 0.075 = 300 + 600 micros (all uncached: 1,500)
        assertThat(MINI.costMicros(10_000, 8_000, 0)).isEqualTo(900);
        assertThat(MINI.costMicros(10_000, 0, 0)).isEqualTo(1_500);
        assertThat(MINI.costMicros(10_000, 10_000, 0)).isEqualTo(750);
    }

    @Test
    void a_million_tokens_cost_exactly_the_list_price() {
        Price gpt4o = price(2_500_000, 10_000_000, 1_250_000);

        assertThat(gpt4o.costMicros(1_000_000, 0, 0)).isEqualTo(2_500_000);
        assertThat(gpt4o.costMicros(1_000_000, 1_000_000, 1_000_000)).isEqualTo(11_250_000);
    }

    @Test
    void the_final_micro_is_rounded_half_up() {
        Price half = price(500_000, 0, 0);
        assertThat(half.costMicros(1, 0, 0)).as("0.5 micro").isEqualTo(1);
        assertThat(MINI.costMicros(3, 0, 0)).as("0.45 micro").isZero();
        assertThat(MINI.costMicros(4, 0, 0)).as("0.6 micro").isEqualTo(1);
        assertThat(price(1_499_999, 0, 0).costMicros(1, 0, 0)).as("1.499999").isEqualTo(1);
        assertThat(price(1_500_000, 0, 0).costMicros(1, 0, 0)).as("1.5").isEqualTo(2);
    }

    @Test
    void rounding_happens_once_on_the_sum_not_per_part() {
        Price p = price(300_000, 300_000, 300_000);
        // 0.3 + 0.3 = 0.6 micro rounds to 1; rounding the parts first would give 0
        assertThat(p.costMicros(1, 0, 1)).isEqualTo(1);
        // 0.3 (cached) + 0.3 (uncached) + 0.3 (output) = 0.9 -> 1
        assertThat(p.costMicros(2, 1, 1)).isEqualTo(1);
    }

    @Test
    void a_free_deployment_costs_nothing() {
        assertThat(price(0, 0, 0).costMicros(123_456, 1_000, 0)).isZero();
    }

    @Test
    void impossible_token_counts_are_refused() {
        assertThatThrownBy(() -> MINI.costMicros(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MINI.costMicros(10, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MINI.costMicros(10, 11, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cached prompt tokens are part of the prompt tokens");
    }

    @Test
    void an_overflow_is_an_error_not_a_wrong_number() {
        assertThatThrownBy(() -> MINI.costMicros(Long.MAX_VALUE / 2, 0, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_price_needs_a_source_and_sane_numbers() {
        assertThatThrownBy(() -> new Price(100, 100, 101, USD, T, "x"))
                .isInstanceOf(CatalogValidationException.class)
                .hasMessageContaining("between 0 and the input price");
        assertThatThrownBy(() -> new Price(-1, 100, 0, USD, T, "x")).isInstanceOf(CatalogValidationException.class);
        assertThatThrownBy(() -> new Price(1, 1, 0, USD, T, "  "))
                .isInstanceOf(CatalogValidationException.class)
                .extracting(e -> ((CatalogValidationException) e).field())
                .isEqualTo("source");
        assertThatThrownBy(() -> new Price(1, 1, 0, null, T, "x")).isInstanceOf(CatalogValidationException.class);
    }
}

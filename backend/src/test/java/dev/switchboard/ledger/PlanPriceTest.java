package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanPriceTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static PlanPrice price(String model, long input, long cached, long output, Instant from) {
        return new PlanPrice(model, input, cached, output, from, false);
    }

    @Test
    void retail_charges_uncached_cached_and_output_tokens_at_their_own_prices() {
        // 600 uncached × 0.15 + 400 cached × 0.075 + 200 out × 0.60 = 90 + 30 + 120 micros
        PlanPrice p = price("gpt-x", 150_000, 75_000, 600_000, T0);

        assertThat(p.retailMicros(1_000, 400, 200)).isEqualTo(240);
    }

    @Test
    void the_sum_is_rounded_half_up_once_not_each_part() {
        PlanPrice p = price("gpt-x", 500_000, 0, 500_000, T0);

        // 1 in + 1 out: 0.5 + 0.5 = 1.0 → 1 (rounding each part half up would give 2)
        assertThat(p.retailMicros(1, 0, 1)).isEqualTo(1);
        // 1 in alone: 0.5 → 1 (half up); 1 token at 0.15: 0.15 → 0; 4 tokens at 0.15: 0.6 → 1
        assertThat(p.retailMicros(1, 0, 0)).isEqualTo(1);
        assertThat(price("m", 150_000, 0, 0, T0).retailMicros(1, 0, 0)).isZero();
        assertThat(price("m", 150_000, 0, 0, T0).retailMicros(4, 0, 0)).isEqualTo(1);
        // 3 tokens at 0.45: 1.35 → 1
        assertThat(price("m", 450_000, 0, 0, T0).retailMicros(3, 0, 0)).isEqualTo(1);
    }

    @Test
    void cached_tokens_are_part_of_the_input_and_cannot_exceed_it() {
        PlanPrice p = price("gpt-x", 1_000_000, 100_000, 0, T0);

        assertThat(p.retailMicros(10, 10, 0)).isEqualTo(1);
        assertThatThrownBy(() -> p.retailMicros(10, 11, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.retailMicros(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_absurd_call_overflows_loudly_instead_of_wrapping() {
        PlanPrice p = price("gpt-x", Long.MAX_VALUE / 2, 0, 0, T0);

        assertThatThrownBy(() -> p.retailMicros(3, 0, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void negative_prices_and_a_cached_price_above_the_input_price_are_invalid_input() {
        assertThatThrownBy(() -> price("gpt-x", -1, 0, 0, T0))
                .isInstanceOf(LedgerValidationException.class)
                .extracting(e -> ((LedgerValidationException) e).field())
                .isEqualTo("inputMicrosPerMTok");
        assertThatThrownBy(() -> price("gpt-x", 100, 101, 0, T0))
                .isInstanceOf(LedgerValidationException.class)
                .extracting(e -> ((LedgerValidationException) e).field())
                .isEqualTo("cachedInputMicrosPerMTok");
        assertThatThrownBy(() -> price("gpt-x", 100, 0, -5, T0)).isInstanceOf(LedgerValidationException.class);
        assertThatThrownBy(() -> price("bad model name", 1, 0, 1, T0))
                .isInstanceOf(LedgerValidationException.class)
                .extracting(e -> ((LedgerValidationException) e).field())
                .isEqualTo("model");
    }

    @Test
    void the_version_in_force_is_the_latest_that_started_and_a_withdrawal_unlists_the_model() {
        Instant t1 = T0.plusSeconds(3600);
        Instant t2 = T0.plusSeconds(7200);
        PricePlan plan = new PricePlan(
                new PricePlanId(UUID.randomUUID()),
                "Internal",
                "",
                Currency.getInstance("USD"),
                T0,
                "carol",
                null,
                // given out of order: the plan sorts them
                List.of(
                        price("gpt-x", 300, 0, 300, t1),
                        PlanPrice.withdrawal("gpt-x", t2),
                        price("gpt-x", 100, 0, 100, T0)));

        assertThat(plan.priceAt("gpt-x", T0.minusNanos(1000))).isEmpty();
        assertThat(plan.priceAt("gpt-x", T0))
                .hasValueSatisfying(p -> assertThat(p.inputMicrosPerMTok()).isEqualTo(100));
        assertThat(plan.priceAt("gpt-x", t1.minusNanos(1000)))
                .hasValueSatisfying(p -> assertThat(p.inputMicrosPerMTok()).isEqualTo(100));
        assertThat(plan.priceAt("gpt-x", t1))
                .hasValueSatisfying(p -> assertThat(p.inputMicrosPerMTok()).isEqualTo(300));
        assertThat(plan.priceAt("gpt-x", t2)).isEmpty();
        assertThat(plan.priceAt("other", t1)).isEmpty();
        assertThat(plan.pricesAt(t1)).extracting(PlanPrice::inputMicrosPerMTok).containsExactly(300L);
        assertThat(plan.pricesAt(t2)).isEmpty();
    }
}

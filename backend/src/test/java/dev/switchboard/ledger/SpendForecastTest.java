package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpendForecastTest {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z"); // 30 days

    @Test
    void at_a_steady_rate_the_budget_runs_out_where_the_line_crosses_the_limit() {
        // 10 days in, 400 of 1,000 spent: 40 a day, the remaining 600 last 15 more days
        SpendForecast f = new SpendForecast(400_000_000, 1_000_000_000, START, END, START.plusSeconds(10 * 86_400));

        assertThat(f.microsPerDay()).isEqualTo(40_000_000);
        assertThat(f.exhaustedAt()).contains(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(f.projectedMicros()).isEqualTo(1_200_000_000);
    }

    @Test
    void a_budget_that_lasts_past_the_reset_has_no_exhaustion_date() {
        SpendForecast f = new SpendForecast(100_000_000, 1_000_000_000, START, END, START.plusSeconds(10 * 86_400));

        assertThat(f.exhaustedAt()).isEmpty();
        assertThat(f.projectedMicros()).isEqualTo(300_000_000);
    }

    @Test
    void a_spent_budget_is_exhausted_now() {
        Instant now = START.plusSeconds(86_400);

        assertThat(new SpendForecast(1_000, 1_000, START, END, now).exhaustedAt())
                .contains(now);
        assertThat(new SpendForecast(1_500, 1_000, START, END, now).exhaustedAt())
                .contains(now);
    }

    @Test
    void nothing_spent_yet_forecasts_nothing() {
        SpendForecast f = new SpendForecast(0, 1_000, START, END, START.plusSeconds(3_600));

        assertThat(f.exhaustedAt()).isEmpty();
        assertThat(f.microsPerDay()).isZero();
        assertThat(f.projectedMicros()).isZero();
    }

    @Test
    void large_amounts_over_a_quarter_do_not_overflow() {
        Instant qStart = Instant.parse("2026-10-01T00:00:00Z");
        Instant qEnd = Instant.parse("2027-01-01T00:00:00Z");
        // 5 million USD spent of 9 million, 46 of 92 days in
        SpendForecast f = new SpendForecast(
                5_000_000_000_000L, 9_000_000_000_000L, qStart, qEnd, qStart.plusSeconds(46L * 86_400));

        assertThat(f.projectedMicros()).isEqualTo(10_000_000_000_000L);
        assertThat(f.exhaustedAt()).contains(qStart.plusSeconds(46L * 86_400 + (4L * 46 * 86_400) / 5));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new SpendForecast(0, 1, END, START, START))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

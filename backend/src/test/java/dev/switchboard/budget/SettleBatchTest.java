package dev.switchboard.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.budget.CounterStore.Alert;
import dev.switchboard.budget.CounterStore.PeriodKey;
import dev.switchboard.budget.CounterStore.Settled;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettleBatchTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final PeriodKey KEY = new PeriodKey(UUID.randomUUID(), Instant.parse("2026-11-01T00:00:00Z"));

    static List<Integer> crossed(long spentBefore, long spentAfter, long limit) {
        Settled counter = new Settled(KEY, null, limit, spentAfter, spentAfter - spentBefore, List.of(50, 80, 100));
        return SettleBatch.crossed(List.of(counter), NOW).stream()
                .map(Alert::threshold)
                .toList();
    }

    @Test
    void a_threshold_alerts_when_spend_reaches_it_exactly() {
        assertThat(crossed(499, 500, 1000)).containsExactly(50);
        assertThat(crossed(498, 499, 1000)).isEmpty();
    }

    @Test
    void one_settlement_can_cross_several_thresholds() {
        assertThat(crossed(100, 1000, 1000)).containsExactly(50, 80, 100);
    }

    @Test
    void a_threshold_already_reached_before_does_not_alert_again() {
        assertThat(crossed(600, 700, 1000)).isEmpty();
        assertThat(crossed(600, 850, 1000)).containsExactly(80);
    }

    @Test
    void no_spend_crosses_nothing() {
        assertThat(crossed(900, 900, 1000)).isEmpty();
    }

    @Test
    void threshold_arithmetic_is_exact_for_huge_amounts() {
        long limit = Long.MAX_VALUE / 10; // spent * 100 overflows a long
        assertThat(SettleBatch.reached(limit / 2, limit, 50)).isTrue();
        assertThat(SettleBatch.reached(limit / 2 - 1, limit, 50)).isFalse();
    }
}

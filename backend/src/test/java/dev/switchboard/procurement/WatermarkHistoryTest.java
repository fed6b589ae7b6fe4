package dev.switchboard.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatermarkHistoryTest {

    static final Duration LAG = Duration.ofSeconds(30);
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    final WatermarkHistory history = new WatermarkHistory();

    @Test
    void an_id_is_settled_only_once_the_lag_has_passed_since_it_was_seen() {
        history.observed(T0, 100);

        assertThat(history.settled(T0.plusSeconds(29), LAG)).isEmpty();
        assertThat(history.settled(T0.plusSeconds(30), LAG)).hasValue(100);
    }

    @Test
    void the_newest_settled_sighting_wins_and_newer_ones_wait_their_turn() {
        history.observed(T0, 100);
        history.observed(T0.plusSeconds(10), 150);
        history.observed(T0.plusSeconds(20), 170);

        assertThat(history.settled(T0.plusSeconds(41), LAG)).hasValue(150);
        assertThat(history.settled(T0.plusSeconds(45), LAG)).hasValue(150);
        assertThat(history.settled(T0.plusSeconds(50), LAG)).hasValue(170);
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void an_unchanged_maximum_keeps_its_first_sighting() {
        history.observed(T0, 100);
        history.observed(T0.plusSeconds(25), 100);

        assertThat(history.settled(T0.plusSeconds(30), LAG)).hasValue(100);
    }

    @Test
    void a_clock_that_goes_back_is_ignored_rather_than_settling_early() {
        history.observed(T0, 100);
        history.observed(T0.minusSeconds(60), 200);

        assertThat(history.settled(T0.plusSeconds(30), LAG)).hasValue(100);
    }
}

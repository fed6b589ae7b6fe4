package dev.switchboard.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentHealthTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    final DeploymentHealth health = new DeploymentHealth(clock);

    @Test
    void opens_after_three_consecutive_failures_and_a_success_in_between_resets_the_count() {
        health.recordFailure("d", Optional.empty());
        health.recordFailure("d", Optional.empty());
        health.recordSuccess("d", 10);
        health.recordFailure("d", Optional.empty());
        health.recordFailure("d", Optional.empty());
        assertThat(health.available("d")).isTrue();

        health.recordFailure("d", Optional.empty());

        assertThat(health.available("d")).isFalse();
        assertThat(health.tryAcquire("d")).isFalse();
    }

    @Test
    void after_the_cooldown_exactly_one_probe_is_let_through_and_its_success_closes_the_circuit() {
        for (int i = 0; i < 3; i++) {
            health.recordFailure("d", Optional.empty());
        }
        clock.advance(DeploymentHealth.BASE_COOLDOWN);

        assertThat(health.tryAcquire("d")).isTrue();
        assertThat(health.tryAcquire("d")).isFalse();
        assertThat(health.available("d")).isFalse();

        health.recordSuccess("d", 50);
        assertThat(health.available("d")).isTrue();
        assertThat(health.tryAcquire("d")).isTrue();
        assertThat(health.tryAcquire("d")).isTrue();
    }

    @Test
    void a_failed_probe_doubles_the_cooldown() {
        for (int i = 0; i < 3; i++) {
            health.recordFailure("d", Optional.empty());
        }
        clock.advance(DeploymentHealth.BASE_COOLDOWN);
        assertThat(health.tryAcquire("d")).isTrue();

        health.recordFailure("d", Optional.empty());

        clock.advance(DeploymentHealth.BASE_COOLDOWN);
        assertThat(health.available("d")).isFalse();
        clock.advance(DeploymentHealth.BASE_COOLDOWN);
        assertThat(health.available("d")).isTrue();
    }

    @Test
    void a_429_with_retry_after_opens_at_once_for_that_long() {
        health.recordFailure("d", Optional.of(Duration.ofSeconds(30)));

        assertThat(health.available("d")).isFalse();
        clock.advance(Duration.ofSeconds(29));
        assertThat(health.available("d")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.available("d")).isTrue();
    }

    @Test
    void percentiles_need_enough_samples() {
        for (int i = 1; i <= 19; i++) {
            health.recordSuccess("d", i);
        }
        assertThat(health.p95Millis("d")).isEmpty();

        for (int i = 20; i <= 100; i++) {
            health.recordSuccess("d", i);
        }
        assertThat(health.p95Millis("d")).contains(95L);
        assertThat(health.p50Millis("d")).contains(50L);
    }
}

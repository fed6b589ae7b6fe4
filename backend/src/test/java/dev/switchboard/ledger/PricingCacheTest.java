package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PricingCacheTest {

    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-15T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final StepClock clock = new StepClock();
    final PricingCache cache = new PricingCache(Duration.ofSeconds(2), 100, clock);
    final OrgUnitId unit = new OrgUnitId(UUID.randomUUID());
    final AtomicInteger loads = new AtomicInteger();

    PricingRule load(OrgUnitId id) {
        return new PricingRule(null, new Markup(loads.incrementAndGet()));
    }

    @Test
    void an_entry_is_reused_within_the_ttl_and_reloaded_after_it() {
        assertThat(cache.get(unit, this::load).markup().basisPoints()).isEqualTo(1);
        clock.now = clock.now.plusMillis(1_999);
        assertThat(cache.get(unit, this::load).markup().basisPoints()).isEqualTo(1);
        clock.now = clock.now.plusMillis(1);
        assertThat(cache.get(unit, this::load).markup().basisPoints()).isEqualTo(2);
    }

    @Test
    void invalidation_forgets_every_unit() {
        OrgUnitId other = new OrgUnitId(UUID.randomUUID());
        cache.get(unit, this::load);
        cache.get(other, this::load);

        cache.invalidateAll();

        assertThat(cache.get(unit, this::load).markup().basisPoints()).isEqualTo(3);
        assertThat(cache.get(other, this::load).markup().basisPoints()).isEqualTo(4);
    }

    @Test
    void a_load_that_raced_with_an_invalidation_is_not_kept() {
        cache.get(unit, id -> {
            cache.invalidateAll(); // a write committed while this load read the old state
            return load(id);
        });

        assertThat(cache.get(unit, this::load).markup().basisPoints()).isEqualTo(2);
    }

    @Test
    void a_clock_set_back_reloads_instead_of_trusting_the_entry() {
        cache.get(unit, this::load);
        clock.now = clock.now.minusSeconds(3600);

        assertThat(cache.get(unit, this::load).markup().basisPoints()).isEqualTo(2);
    }
}

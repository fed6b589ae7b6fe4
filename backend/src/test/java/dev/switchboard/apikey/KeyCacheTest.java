package dev.switchboard.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private final MutableClock clock = new MutableClock();
    private final KeyCache cache = new KeyCache(Duration.ofSeconds(30), 3, clock);
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<Optional<KeyCache.Entry>> loader(Instant expiresAt) {
        return () -> {
            loads.incrementAndGet();
            var key =
                    new AuthenticatedKey(new ApiKeyId(UUID.randomUUID()), new OrgUnitId(UUID.randomUUID()), null, "k");
            return Optional.of(new KeyCache.Entry(key, expiresAt, null, true, clock.instant()));
        };
    }

    @Test
    void a_looked_up_key_is_served_from_the_cache_until_its_ttl_passes() {
        cache.get("h", loader(null));
        cache.get("h", loader(null));
        clock.advance(Duration.ofSeconds(29));
        cache.get("h", loader(null));
        assertThat(loads).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        cache.get("h", loader(null));
        assertThat(loads).hasValue(2);
    }

    @Test
    void an_invalidated_entry_is_looked_up_again() {
        cache.get("h", loader(null));
        cache.invalidate("h");
        cache.get("h", loader(null));

        assertThat(loads).hasValue(2);
    }

    @Test
    void unknown_secrets_are_not_cached() {
        Supplier<Optional<KeyCache.Entry>> nothing = () -> {
            loads.incrementAndGet();
            return Optional.empty();
        };
        assertThat(cache.get("unknown", nothing)).isEmpty();
        assertThat(cache.get("unknown", nothing)).isEmpty();

        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void the_cache_never_grows_past_its_bound() {
        for (int i = 0; i < 10; i++) {
            cache.get("h" + i, loader(null));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void a_cached_entry_knows_it_expired_by_the_clock_at_use() {
        Instant expiry = clock.instant().plusSeconds(10);
        KeyCache.Entry entry = cache.get("h", loader(expiry)).orElseThrow();

        assertThat(entry.usableAt(clock.instant())).isTrue();
        assertThat(entry.usableAt(expiry)).isFalse();
    }
}

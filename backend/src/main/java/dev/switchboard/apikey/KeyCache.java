package dev.switchboard.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small per-node cache of looked-up keys, by SHA-256 of the secret, so the gateway does not query the
 * database on every request. Entries live {@code ttl}; a revocation on this node removes the entry at
 * once, other nodes notice it when their entry expires (at most {@code ttl} later). Expiry and
 * revocation are checked by the caller on every use, cached or not. Unknown secrets are not cached: a
 * flood of made-up keys must not push real ones out.
 */
final class KeyCache {

    /**
     * What a lookup found.
     *
     * @param unitActive whether the key's org unit was active at load time
     */
    record Entry(AuthenticatedKey key, Instant expiresAt, Instant revokedAt, boolean unitActive, Instant loadedAt) {

        boolean usableAt(Instant now) {
            return unitActive && revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    KeyCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The cached entry while fresh, else what {@code loader} finds now (cached when found). */
    Optional<Entry> get(String secretSha256, Supplier<Optional<Entry>> loader) {
        Instant now = clock.instant();
        Entry cached = entries.get(secretSha256);
        if (cached != null && fresh(cached, now)) {
            return Optional.of(cached);
        }
        Optional<Entry> loaded = loader.get();
        if (loaded.isEmpty()) {
            entries.remove(secretSha256);
            return loaded;
        }
        if (entries.size() >= maxEntries) {
            evict(now);
        }
        entries.put(secretSha256, loaded.get());
        return loaded;
    }

    void invalidate(String secretSha256) {
        entries.remove(secretSha256);
    }

    int size() {
        return entries.size();
    }

    private boolean fresh(Entry entry, Instant now) {
        return now.isBefore(entry.loadedAt().plus(ttl)) && !now.isBefore(entry.loadedAt());
    }

    private void evict(Instant now) {
        entries.values().removeIf(e -> !fresh(e, now));
        if (entries.size() >= maxEntries) {
            // more live keys than the bound: start over rather than track recency on the hot path
            entries.clear();
        }
    }
}

package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Per-node cache of {@link PricingRule}s by org unit, so that pricing a call reads nothing from the
 * database most of the time. Writes on this node invalidate it at once; writes on other nodes reach
 * it when an entry expires.
 */
final class PricingCache {

    private record Entry(PricingRule rule, Instant loadedAt) {}

    private final Map<OrgUnitId, Entry> entries = new ConcurrentHashMap<>();
    // bumped by every invalidation: a load that raced with one is not kept
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    PricingCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    PricingRule get(OrgUnitId unit, Function<OrgUnitId, PricingRule> loader) {
        Instant now = clock.instant();
        Entry cached = entries.get(unit);
        if (cached != null && fresh(cached, now)) {
            return cached.rule();
        }
        long before = generation.get();
        Entry loaded = new Entry(loader.apply(unit), now);
        if (entries.size() >= maxEntries) {
            entries.clear(); // org units number in the thousands at most: a full reset is rare and cheap
        }
        entries.put(unit, loaded);
        if (generation.get() != before) {
            entries.remove(unit, loaded); // invalidated while loading: what we read may be stale
        }
        return loaded.rule();
    }

    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private boolean fresh(Entry entry, Instant now) {
        Duration age = Duration.between(entry.loadedAt(), now);
        // a clock set back (tests, NTP) makes the age negative: reload rather than trust the entry
        return !age.isNegative() && age.compareTo(ttl) < 0;
    }
}

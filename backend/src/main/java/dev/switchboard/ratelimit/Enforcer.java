package dev.switchboard.ratelimit;

import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits or refuses calls against a {@link LimitTable}, in memory. Windows are calendar minutes of the
 * injected clock. Every check is a compare-and-set on a per-subject counter; a refusal gives back what
 * the call had already taken from other subjects, so a refused call costs nobody anything.
 */
final class Enforcer {

    static final long MINUTE_MILLIS = 60_000;
    static final Duration CONCURRENCY_RETRY = Duration.ofSeconds(1);

    private final Clock clock;
    private final ConcurrentHashMap<UUID, SubjectCounters> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, SubjectCounters> units = new ConcurrentHashMap<>();

    Enforcer(Clock clock) {
        this.clock = clock;
    }

    static long minute(long epochMillis) {
        return Math.floorDiv(epochMillis, MINUTE_MILLIS);
    }

    Permit acquire(LimitTable table, UUID apiKeyId, List<OrgUnitId> pathToRoot, long estimatedTokens) {
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimated tokens must not be negative");
        }
        if (table.isEmpty()) {
            return new Permit(List.of(), estimatedTokens, clock);
        }
        long now = clock.millis();
        List<Permit.Hold> holds = new ArrayList<>(2);
        try {
            if (apiKeyId != null) {
                Limits limits = table.keys().get(apiKeyId);
                if (limits != null) {
                    holds.add(take(table, limits, RateLimitSubject.apiKey(apiKeyId), keys, estimatedTokens, now));
                }
            }
            for (OrgUnitId unit : pathToRoot) {
                Limits limits = table.units().get(unit.value());
                if (limits != null) {
                    holds.add(take(table, limits, RateLimitSubject.orgUnit(unit.value()), units, estimatedTokens, now));
                }
            }
        } catch (RateLimitedException refused) {
            holds.forEach(hold -> hold.undo(estimatedTokens));
            throw refused;
        }
        return new Permit(holds, estimatedTokens, clock);
    }

    /** Forgets the counters of subjects that no longer have limits (calls in flight keep theirs). */
    void retain(LimitTable table) {
        keys.keySet().retainAll(table.keys().keySet());
        units.keySet().retainAll(table.units().keySet());
    }

    /** For tests and diagnostics: the calls in flight for a subject on this node. */
    long inFlight(RateLimitSubject subject) {
        var counters = (subject.kind() == RateLimitSubject.Kind.API_KEY ? keys : units).get(subject.id());
        return counters == null ? 0 : counters.inFlight();
    }

    private Permit.Hold take(
            LimitTable table,
            Limits limits,
            RateLimitSubject subject,
            ConcurrentHashMap<UUID, SubjectCounters> counterMap,
            long tokens,
            long now) {
        SubjectCounters counters = counterMap.get(subject.id());
        if (counters == null) {
            counters = counterMap.computeIfAbsent(subject.id(), id -> new SubjectCounters());
        }
        long minute = minute(now);
        boolean slot = false;
        Window requests = null;
        if (limits.maxConcurrent() > 0) {
            if (!counters.tryEnter(table.share(limits.maxConcurrent(), 0))) {
                throw refused(subject, LimitKind.CONCURRENT_REQUESTS, limits, CONCURRENCY_RETRY, null);
            }
            slot = true;
        }
        if (limits.requestsPerMinute() > 0) {
            requests = counters.requests(minute);
            if (!requests.tryAdd(1, table.share(limits.requestsPerMinute(), minute))) {
                new Permit.Hold(counters, slot, null, null).undo(0);
                throw refused(subject, LimitKind.REQUESTS_PER_MINUTE, limits, untilNextMinute(now), null);
            }
        }
        Window tokenWindow = null;
        if (limits.tokensPerMinute() > 0) {
            tokenWindow = counters.tokens(minute);
            long share = table.share(limits.tokensPerMinute(), minute);
            if (!tokenWindow.tryAdd(tokens, share)) {
                new Permit.Hold(counters, slot, requests, null).undo(0);
                String detail = tokens > share ? "this request alone needs " + tokens + " tokens" : null;
                throw refused(subject, LimitKind.TOKENS_PER_MINUTE, limits, untilNextMinute(now), detail);
            }
        }
        return new Permit.Hold(counters, slot, requests, tokenWindow);
    }

    /** Until the current minute ends, rounded up to whole seconds: 1 to 60 s, never 0. */
    static Duration untilNextMinute(long nowMillis) {
        long left = MINUTE_MILLIS - Math.floorMod(nowMillis, MINUTE_MILLIS);
        return Duration.ofSeconds((left + 999) / 1000);
    }

    private static RateLimitedException refused(
            RateLimitSubject subject, LimitKind kind, Limits limits, Duration retryAfter, String detail) {
        return new RateLimitedException(subject, kind, limits.value(kind), retryAfter, detail);
    }
}

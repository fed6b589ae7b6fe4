package dev.switchboard.bench;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway calls a run made, for the ledger check: every successful call must have its committed OK
 * row. The request ids are checked against the ledger and dropped between scenarios ({@link
 * #checkAgainst}), so they never pile up: hundreds of thousands of ids kept alive for the whole run
 * were copied by every young collection, lengthening the pauses the gateway's latencies include.
 */
final class ServedCalls {

    private final Set<String> unchecked = ConcurrentHashMap.newKeySet();
    private final LongAdder failed = new LongAdder();
    private long succeeded;
    private long missing;

    /** Wraps {@code call} so that its outcomes are counted here. */
    ChatCalls.Call counting(ChatCalls.Call call) {
        return () -> {
            ChatCalls.Outcome outcome;
            try {
                outcome = call.send();
            } catch (Exception e) {
                failed.increment();
                throw e;
            }
            if (outcome.ok() && outcome.requestId() != null) {
                unchecked.add(outcome.requestId());
            } else {
                failed.increment();
            }
            return outcome;
        };
    }

    /** Looks up the ids served since the last check (their calls have all ended) and forgets them. */
    synchronized void checkAgainst(JdbcClient jdbc, UUID keyId) {
        String[] ids = unchecked.toArray(String[]::new);
        if (ids.length == 0) {
            return;
        }
        missing += jdbc.sql("SELECT count(*) FROM unnest(?::text[]) AS s(id) WHERE NOT EXISTS ("
                        + "SELECT 1 FROM usage_ledger l WHERE l.request_id = s.id AND l.status = 'OK'"
                        + " AND l.api_key_id = ?)")
                .params(ids, keyId)
                .query(Long.class)
                .single();
        succeeded += ids.length;
        unchecked.removeAll(Set.of(ids));
    }

    synchronized long succeeded() {
        return succeeded;
    }

    synchronized long missing() {
        return missing;
    }

    long failed() {
        return failed.sum();
    }
}

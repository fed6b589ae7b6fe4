package dev.switchboard.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * One executed step of a run: its input and output, tokens, cost, duration and attempts.
 *
 * @param stepKey the node id, plus {@code [i]} for a map's item and {@code #n} for a later loop pass
 * @param status RUNNING, WAITING, SUCCEEDED, FAILED, SKIPPED or REUSED (taken from the retried run)
 */
public record Step(
        UUID runId,
        String stepKey,
        String nodeId,
        String kind,
        String status,
        int attempts,
        String inputJson,
        String outputJson,
        String error,
        long inputTokens,
        long outputTokens,
        long costMicros,
        String currency,
        Instant startedAt,
        Instant endedAt) {}

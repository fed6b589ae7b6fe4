package dev.switchboard.workflow;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A workflow run as the run history keeps it.
 *
 * @param status RUNNING, WAITING_FOR_APPROVAL, WAITING_FOR_BUDGET, SUCCEEDED, FAILED or CANCELLED
 * @param failedNode the step a failed run stopped at (a retry starts there), or the step waiting
 * @param retryOf the run this one retries, reusing its completed steps
 * @param costMicros the retail charges of its steps, in micro-units of {@code currency}
 */
public record Run(
        UUID id,
        UUID workflowId,
        String workflowKey,
        int version,
        UUID orgUnitId,
        String startedBy,
        String status,
        String inputsJson,
        String outputsJson,
        String error,
        String failedNode,
        UUID retryOf,
        UUID parentRun,
        Instant startedAt,
        Instant endedAt,
        long costMicros,
        String currency) {

    /** The statuses a run never leaves. */
    public static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    public boolean finished() {
        return FINAL.contains(status);
    }
}

package dev.switchboard.workflow.engine;

/**
 * One step for an activity to run.
 *
 * @param stepKey the step's key in the run ({@code summarize}, {@code draft[3]}, {@code refine#2}): with
 *     the run id it is the step's idempotency key, so a retried activity never charges twice
 * @param nodeJson the node as the workflow defines it
 * @param inputJson the node's fields with every reference resolved
 */
public record StepCall(
        String runId,
        String stepKey,
        String nodeId,
        String kind,
        String nodeJson,
        String inputJson,
        String orgUnitId,
        String projectId) {

    /** The idempotency key of this step: the same across retries of the activity, unique across runs. */
    public String idempotencyKey() {
        return runId + "/" + stepKey;
    }
}

package dev.switchboard.workflow.engine;

import io.temporal.activity.ActivityInterface;

/**
 * What a run writes about itself in PostgreSQL (run status, control steps, approval tasks), called as
 * local activities: cheap, and recorded in the history so a replay does not write again.
 */
@ActivityInterface
public interface RunJournal {

    void runStatus(String runId, String status, String outputsJson, String error, String failedNode);

    /** A step that ran as workflow code (condition, transform, ...) or was reused from a retried run. */
    void step(String runId, String stepKey, String nodeId, String kind, String status, String outputJson, String error);

    /** Opens the approval task of a step; idempotent on run and step key. */
    void openApproval(
            String runId,
            String stepKey,
            String nodeId,
            String title,
            String instructions,
            String role,
            String orgUnit,
            String fieldsJson,
            long dueAtMillis);

    /** Marks the task of a step timed out or cancelled, unless someone decided it first. */
    void closeApproval(String runId, String stepKey, String status);

    /** Creates the run row of a sub-workflow's child run. */
    void childRun(String childRunId, String parentRunId, String workflowKey, int version, String inputsJson);
}

package dev.switchboard.workflow.engine;

import java.util.Map;

/**
 * What a run starts with. JSON travels as text: Temporal's payload converter is Jackson 2, the
 * platform's JSON is Jackson 3, and text is the one form both read the same way.
 *
 * @param runId the row in {@code workflow_run}, also the Temporal workflow id
 * @param definitionJson the published version's JSON, as stored
 * @param inputsJson the run's inputs, already checked against the typed inputs
 * @param reusedOutputsJson outputs of steps completed by the run this one retries, by step key: they
 *     are taken as they are, neither run nor charged again
 * @param budgetRecheckSeconds how often a run waiting for budget looks again without being told
 */
public record RunRequest(
        String runId,
        String workflowKey,
        int version,
        String definitionJson,
        String inputsJson,
        String orgUnitId,
        String projectId,
        String startedBy,
        Map<String, String> reusedOutputsJson,
        int budgetRecheckSeconds) {

    public RunRequest {
        reusedOutputsJson = reusedOutputsJson == null ? Map.of() : Map.copyOf(reusedOutputsJson);
    }
}

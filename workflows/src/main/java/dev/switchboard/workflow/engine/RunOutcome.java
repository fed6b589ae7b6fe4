package dev.switchboard.workflow.engine;

/**
 * How a run ended.
 *
 * @param status {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param outputsJson the end node's outputs (a JSON object), when it succeeded
 * @param failedNode the step whose failure ended the run; a retry starts there
 */
public record RunOutcome(String status, String outputsJson, String error, String failedNode) {}

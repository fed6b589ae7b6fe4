package dev.switchboard.workflow.engine;

/**
 * What a step produced and what it cost.
 *
 * @param costMicros the retail charge, in micro-units of {@code currency} ({@code null} when free)
 */
public record StepResult(String outputJson, long inputTokens, long outputTokens, long costMicros, String currency) {

    public static StepResult free(String outputJson) {
        return new StepResult(outputJson, 0, 0, 0, null);
    }
}

package dev.switchboard.workflow.engine;

import io.temporal.activity.ActivityInterface;

/**
 * The side effects of a run: model calls through the router and connector calls. Each records its
 * step in {@code workflow_step} and is idempotent on {@link StepCall#idempotencyKey()}: a step already
 * recorded as succeeded returns its stored output without calling anything.
 */
@ActivityInterface
public interface StepActivities {

    /** Failure type of a call refused because a hard budget is exhausted: the run waits, not fails. */
    String BUDGET_EXHAUSTED = "BudgetExhausted";

    /** Failure type of a step whose input or settings cannot work: retrying will not help. */
    String INVALID = "InvalidStep";

    StepResult llm(StepCall call);

    StepResult agent(StepCall call);

    StepResult connector(StepCall call);

    /** Resolves a sub-workflow: its published version's JSON and number, as {@code {version, definition}}. */
    String resolveWorkflow(String key, Integer version);
}

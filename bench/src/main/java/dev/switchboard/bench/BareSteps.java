package dev.switchboard.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * The workflow benchmark's baseline: a hand-written Temporal workflow that calls a do-nothing activity
 * n times in a row, on the same embedded server and client as the interpreter. What the interpreter
 * adds per step is its per-step time minus this one's per-call time.
 */
final class BareSteps {

    static final String TASK_QUEUE = "bench-bare-steps";

    private BareSteps() {}

    @WorkflowInterface
    public interface Chain {
        @WorkflowMethod
        int run(int steps);
    }

    @ActivityInterface
    public interface Step {
        String step(int index);
    }

    /** Not a {@code @WorkflowImpl}: only the benchmark's own worker registers it. */
    public static class ChainImpl implements Chain {
        private final Step step = Workflow.newActivityStub(
                Step.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setRetryOptions(
                                RetryOptions.newBuilder().setMaximumAttempts(3).build())
                        .build());

        @Override
        public int run(int steps) {
            for (int i = 0; i < steps; i++) {
                step.step(i);
            }
            return steps;
        }
    }

    static final class StepImpl implements Step {
        @Override
        public String step(int index) {
            return "step " + index;
        }
    }
}

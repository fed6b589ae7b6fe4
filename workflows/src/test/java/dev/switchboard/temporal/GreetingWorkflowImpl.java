package dev.switchboard.temporal;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Found by the starter's classpath scan of {@code dev.switchboard}, like the app's workflows. */
@WorkflowImpl(workers = TemporalProperties.WORKER)
public class GreetingWorkflowImpl implements GreetingWorkflow {

    private final GreetingActivities activities = Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryOptions(
                            RetryOptions.newBuilder().setMaximumAttempts(3).build())
                    .build());

    @Override
    public String greet(String name) {
        return activities.compose(name);
    }
}

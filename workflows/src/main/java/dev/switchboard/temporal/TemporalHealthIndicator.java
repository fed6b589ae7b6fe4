package dev.switchboard.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the Temporal frontend answers for our namespace, through the same client the
 * application uses. Describing the namespace rather than pinging the server also catches a wrong
 * namespace name, which otherwise only shows when the first workflow is started.
 */
class TemporalHealthIndicator implements HealthIndicator {

    /** Short, so a dead cluster makes {@code /actuator/health} slow by at most this much. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final WorkflowClient client;

    TemporalHealthIndicator(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        String target = client.getWorkflowServiceStubs().getOptions().getTarget();
        String namespace = client.getOptions().getNamespace();
        try {
            DescribeNamespaceResponse response = client.getWorkflowServiceStubs()
                    .blockingStub()
                    .withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .describeNamespace(DescribeNamespaceRequest.newBuilder()
                            .setNamespace(namespace)
                            .build());
            return Health.up()
                    .withDetail("target", target)
                    .withDetail("namespace", namespace)
                    .withDetail(
                            "namespaceState",
                            response.getNamespaceInfo().getState().name())
                    .build();
        } catch (RuntimeException e) {
            // a health check reports, it never throws
            return Health.down()
                    .withDetail("target", target)
                    .withDetail("namespace", namespace)
                    .withDetail("error", describe(e))
                    .build();
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof StatusRuntimeException grpc
                ? grpc.getStatus().getCode() + ": " + grpc.getStatus().getDescription()
                : e.toString();
    }
}

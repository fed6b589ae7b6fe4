package dev.switchboard.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.jayway.jsonpath.JsonPath;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app's Temporal wiring end to end: the embedded server on a free port, the starter's client and
 * auto-discovered worker, and the health indicator on {@code /actuator/health}.
 */
@SpringBootTest(
        classes = TemporalTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"switchboard.temporal.embedded=true", "management.endpoint.health.show-details=always"})
class EmbeddedTemporalIT {

    static final int TEMPORAL_PORT = FreePort.next();

    @DynamicPropertySource
    static void temporalPort(DynamicPropertyRegistry registry) {
        registry.add("switchboard.temporal.port", () -> TEMPORAL_PORT);
    }

    @Autowired
    WorkflowClient workflowClient;

    @Autowired
    TemporalProperties properties;

    @Autowired
    GreetingActivitiesImpl activities;

    @LocalServerPort
    int httpPort;

    @Test
    void runs_a_workflow_through_the_app_client_on_the_embedded_server() {
        GreetingWorkflow workflow = workflowClient.newWorkflowStub(
                GreetingWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setTaskQueue(properties.taskQueue())
                        .setWorkflowId("greeting-it-" + System.nanoTime())
                        .setWorkflowExecutionTimeout(Duration.ofSeconds(30))
                        .build());

        String greeting = workflow.greet("Ada");

        assertThat(greeting).isEqualTo("Hello, Ada");
        assertThat(workflowClient.getWorkflowServiceStubs().getOptions().getTarget())
                .isEqualTo("127.0.0.1:" + TEMPORAL_PORT);
        assertThat(activities.ranOnVirtualThread()).isTrue();
    }

    @Test
    void health_endpoint_reports_temporal_up_with_target_and_namespace() throws Exception {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String body = response.body();
        assertThat(JsonPath.<String>read(body, "$.components.temporal.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.temporal.details.target"))
                .isEqualTo("127.0.0.1:" + TEMPORAL_PORT);
        assertThat(JsonPath.<String>read(body, "$.components.temporal.details.namespace"))
                .isEqualTo("default");
    }

    @Test
    void health_reports_down_with_the_error_when_temporal_is_unreachable() {
        String deadTarget = "127.0.0.1:" + FreePort.next();
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(deadTarget).build());
        try {
            WorkflowClient client = WorkflowClient.newInstance(
                    stubs,
                    WorkflowClientOptions.newBuilder().setNamespace("default").build());

            Health health = new TemporalHealthIndicator(client).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails())
                    .containsEntry("target", deadTarget)
                    .containsEntry("namespace", "default")
                    .hasEntrySatisfying(
                            "error", error -> assertThat(error.toString()).startsWith("UNAVAILABLE"));
        } finally {
            stubs.shutdownNow();
        }
    }

    @Test
    void api_only_node_keeps_the_client_but_starts_no_worker_and_frees_the_port_on_close() {
        int port;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TemporalTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--switchboard.temporal.port=0", "--switchboard.roles=api")) {
            String target = context.getBean(WorkflowClient.class)
                    .getWorkflowServiceStubs()
                    .getOptions()
                    .getTarget();
            port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));

            assertThat(context.getBean(EmbeddedTemporalServer.class).target()).isEqualTo(target);
            assertThat(context.getBeansOfType(RootNamespaceAutoConfiguration.WorkerFactoryStarter.class))
                    .isEmpty();
            assertThatIOException().isThrownBy(() -> new ServerSocket(port).close());
        }

        assertThatNoException().isThrownBy(() -> new ServerSocket(port).close());
    }
}

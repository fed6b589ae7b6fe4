package dev.switchboard.workflow;

import static dev.switchboard.workflow.WorkflowFixture.alice;
import static dev.switchboard.workflow.WorkflowFixture.awaitStatus;
import static dev.switchboard.workflow.WorkflowFixture.chargesPerStep;
import static dev.switchboard.workflow.WorkflowFixture.key;
import static dev.switchboard.workflow.WorkflowFixture.publish;
import static dev.switchboard.workflow.WorkflowFixture.retailOfRun;
import static dev.switchboard.workflow.WorkflowFixture.start;
import static dev.switchboard.workflow.WorkflowFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Runs over the REST API on the embedded Temporal server, through the router to the simulated providers. */
@IntegrationTest
class WorkflowRunIT {

    static final String TRIAGE = """
            {"schemaVersion": 1, "key": "%s", "name": "Triage",
             "inputs": [{"name": "ticket", "type": "text"}, {"name": "priority", "type": "number", "default": 1}],
             "nodes": [
               {"id": "start", "kind": "start"},
               {"id": "classify", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 40},
                "messages": [{"role": "user", "content": "Classify: {{inputs.ticket}}"}]},
               {"id": "urgent", "kind": "condition", "expression": "inputs.priority >= 3"},
               {"id": "draft", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 40},
                "messages": [{"role": "user", "content": "Reply to {{inputs.ticket}} ({{steps.classify.output.text}})"}]},
               {"id": "escalate", "kind": "transform", "value": {"escalated": true, "ticket": "{{inputs.ticket}}"}},
               {"id": "end", "kind": "end",
                "outputs": {"label": "{{steps.classify.output.text}}", "reply": "{{steps.draft.output.text}}"}},
               {"id": "end_urgent", "kind": "end", "outputs": {"escalation": "{{steps.escalate.output}}"}}
             ],
             "edges": [
               {"from": "start", "to": "classify"}, {"from": "classify", "to": "urgent"},
               {"from": "urgent", "port": "false", "to": "draft"}, {"from": "draft", "to": "end"},
               {"from": "urgent", "port": "true", "to": "escalate"}, {"from": "escalate", "to": "end_urgent"}
             ]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.temporal.client.WorkflowClient temporal;

    UUID marketing;
    ApiClient alice;

    @BeforeEach
    void setUp() {
        marketing = unit(port, "Marketing");
        alice = alice(port);
    }

    @Test
    void a_run_takes_the_branch_its_condition_picks_and_charges_each_model_step_once_to_the_unit() {
        UUID workflow = publish(alice, marketing, TRIAGE.formatted(key("triage")));

        ApiClient.Response response = alice.post(
                "/api/v1/workflows/" + workflow + "/runs",
                Map.of("inputs", Map.of("ticket", "I was charged twice"), "wait", true, "timeoutSeconds", 60));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode run = response.json();
        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("orgUnitId").asString()).isEqualTo(marketing.toString());
        assertThat(run.path("inputs").path("priority").asInt()).isEqualTo(1);
        assertThat(run.path("outputs").path("reply").asString()).isNotBlank();
        UUID runId = UUID.fromString(run.path("id").asString());
        JsonNode trace = alice.get("/api/v1/runs/" + runId).json();
        assertThat(trace.path("steps").findValuesAsString("stepKey"))
                .containsExactlyInAnyOrder("start", "classify", "urgent", "draft", "end");
        for (JsonNode step : trace.path("steps")) {
            assertThat(step.path("status").asString()).as(step.toString()).isEqualTo("SUCCEEDED");
            if (step.path("kind").asString().equals("llm")) {
                assertThat(step.path("inputTokens").asLong()).isPositive();
                assertThat(step.path("outputTokens").asLong()).isPositive();
                assertThat(step.path("costMicros").asLong()).isPositive();
                assertThat(step.path("attempts").asInt()).isEqualTo(1);
            }
        }
        assertThat(chargesPerStep(jdbc, runId)).isEqualTo(Map.of("classify", 1L, "draft", 1L));
        assertThat(trace.path("costMicros").asLong()).isEqualTo(retailOfRun(jdbc, runId));
        JsonNode found = alice.get("/api/v1/runs?workflowId=" + workflow + "&status=SUCCEEDED&orgUnitId=" + marketing)
                .json();
        assertThat(found.findValuesAsString("id")).containsExactly(runId.toString());
        assertThat(alice.get("/api/v1/runs?workflowId=" + workflow + "&status=FAILED")
                        .json())
                .isEmpty();
        WorkflowFixture.recordHistory(temporal, runId, "triage-llm-condition.json");
    }

    @Test
    void the_other_branch_builds_its_output_with_a_transform_and_never_calls_the_draft_model() {
        UUID workflow = publish(alice, marketing, TRIAGE.formatted(key("triage")));

        JsonNode run = alice.post(
                        "/api/v1/workflows/" + workflow + "/runs",
                        Map.of("inputs", Map.of("ticket", "Site down", "priority", 5), "wait", true))
                .json();

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("outputs").path("escalation").path("escalated").asBoolean())
                .isTrue();
        assertThat(run.path("outputs").path("escalation").path("ticket").asString())
                .isEqualTo("Site down");
        assertThat(chargesPerStep(jdbc, UUID.fromString(run.path("id").asString())))
                .isEqualTo(Map.of("classify", 1L));
    }

    @Test
    void inputs_that_are_missing_unknown_or_mistyped_are_refused_naming_the_input_and_start_no_run() {
        UUID workflow = publish(alice, marketing, TRIAGE.formatted(key("triage")));
        ApiClient.Response runsBefore = alice.get("/api/v1/runs?workflowId=" + workflow);
        assertThat(runsBefore.status()).as(runsBefore.body()).isEqualTo(200);
        int before = runsBefore.json().size();

        ApiClient.Response missing = alice.post("/api/v1/workflows/" + workflow + "/runs", Map.of("inputs", Map.of()));
        ApiClient.Response mistyped = alice.post(
                "/api/v1/workflows/" + workflow + "/runs",
                Map.of("inputs", Map.of("ticket", "x", "priority", "urgent")));
        ApiClient.Response unknown = alice.post(
                "/api/v1/workflows/" + workflow + "/runs", Map.of("inputs", Map.of("ticket", "x", "colour", "red")));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("inputs.ticket");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.body()).contains("inputs.priority").contains("number");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("inputs.colour");
        assertThat(alice.get("/api/v1/runs?workflowId=" + workflow).json().size())
                .isEqualTo(before);
    }

    @Test
    void an_invalid_draft_is_stored_but_not_published_and_each_error_names_its_node_and_field() {
        String broken =
                TRIAGE.formatted(key("broken")).replace("{{steps.classify.output.text}})", "{{steps.classfy.output}})");
        ApiClient.Response created =
                alice.post("/api/v1/workflows?orgUnitId=" + marketing, WorkflowFixture.JSON.readTree(broken));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        ApiClient.Response published = alice.post("/api/v1/workflows/" + created.text("workflowId") + "/publish", null);

        assertThat(published.status()).isEqualTo(400);
        JsonNode error = published.json().path("errors").get(0);
        assertThat(error.path("node").asString()).isEqualTo("draft");
        assertThat(error.path("field").asString()).isEqualTo("messages[0].content");
        assertThat(error.path("message").asString()).contains("classfy");
    }

    @Test
    void a_workflow_that_is_not_json_or_breaks_the_schema_is_refused_with_a_problem() {
        ApiClient.Response notJson =
                alice.postRaw("/api/v1/workflows?orgUnitId=" + marketing, "{\"schemaVersion\": 1,");
        ApiClient.Response check = alice.post(
                "/api/v1/workflows/check",
                Map.of(
                        "schemaVersion",
                        1,
                        "key",
                        "x",
                        "name",
                        "x",
                        "nodes",
                        java.util.List.of(Map.of("id", "start", "kind", "start", "colour", "blue")),
                        "edges",
                        java.util.List.of()));

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("errors").get(0).path("message").asString())
                .contains("not valid JSON");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().path("ok").asBoolean()).isFalse();
        assertThat(check.json().path("problems").get(0).path("node").asString()).isEqualTo("start");
    }

    @Test
    void a_run_waiting_on_a_timer_is_cancelled_and_marked_so() {
        String waiting = """
                {"schemaVersion": 1, "key": "%s", "name": "Slow",
                 "nodes": [{"id": "start", "kind": "start"}, {"id": "pause", "kind": "wait", "duration": "PT10M"},
                           {"id": "end", "kind": "end"}],
                 "edges": [{"from": "start", "to": "pause"}, {"from": "pause", "to": "end"}]}""".formatted(key("slow"));
        UUID workflow = publish(alice, marketing, waiting);
        UUID run = start(alice, workflow, Map.of());
        awaitStatus(alice, run, Duration.ofSeconds(20), "RUNNING");

        ApiClient.Response cancelled = alice.post("/api/v1/runs/" + run + "/cancel", null);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(awaitStatus(alice, run, Duration.ofSeconds(20), "CANCELLED")
                        .path("endedAt")
                        .isNull())
                .isFalse();
        assertThat(alice.post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(409);
    }
}

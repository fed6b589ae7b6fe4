package dev.switchboard.workflow;

import static dev.switchboard.workflow.WorkflowFixture.admin;
import static dev.switchboard.workflow.WorkflowFixture.alice;
import static dev.switchboard.workflow.WorkflowFixture.awaitStatus;
import static dev.switchboard.workflow.WorkflowFixture.chargesPerStep;
import static dev.switchboard.workflow.WorkflowFixture.key;
import static dev.switchboard.workflow.WorkflowFixture.publish;
import static dev.switchboard.workflow.WorkflowFixture.start;
import static dev.switchboard.workflow.WorkflowFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Approvals, maps, parallel branches, loops, retries, HTTP calls and budgets inside runs. */
@IntegrationTest
@TestPropertySource(
        properties = {"switchboard.connectors.http.allow=127.0.0.1", "switchboard.workflows.budget-recheck=PT10M"})
class WorkflowFlowsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.temporal.client.WorkflowClient temporal;

    UUID marketing;
    ApiClient alice;
    HttpServer upstream;
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        marketing = unit(port, "Marketing");
        alice = alice(port);
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/crm", exchange -> {
            calls.incrementAndGet();
            boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] body = (fail ? "{\"error\":\"busy\"}" : "{\"customer\":\"ACME\",\"tier\":\"gold\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    String crmUrl() {
        return "http://127.0.0.1:" + upstream.getAddress().getPort() + "/crm";
    }

    static final String APPROVAL = """
            {"schemaVersion": 1, "key": "%s", "name": "Approve copy",
             "inputs": [{"name": "brief", "type": "text"}],
             "nodes": [
               {"id": "start", "kind": "start"},
               {"id": "review", "kind": "approval", "role": "DESIGNER", "timeout": "%s",
                "instructions": "Approve copy for {{inputs.brief}}",
                "fields": [{"name": "note", "type": "text", "required": false}]},
               {"id": "yes", "kind": "end", "outputs": {"by": "{{steps.review.output.by}}", "note": "{{steps.review.output.fields.note}}"}},
               {"id": "no", "kind": "end", "outputs": {"rejected": true}},
               {"id": "late", "kind": "end", "outputs": {"timedOut": true}}
             ],
             "edges": [
               {"from": "start", "to": "review"}, {"from": "review", "port": "approved", "to": "yes"},
               {"from": "review", "port": "rejected", "to": "no"}, {"from": "review", "port": "timeout", "to": "late"}
             ]}""";

    @Test
    void an_approval_waits_in_the_inbox_and_the_decision_takes_its_branch_with_the_form_fields() {
        UUID workflow = publish(alice, marketing, APPROVAL.formatted(key("approve"), "P1D"));
        UUID run = start(alice, workflow, Map.of("inputs", Map.of("brief", "spring sale")));
        awaitStatus(alice, run, Duration.ofSeconds(30), "WAITING_FOR_APPROVAL");

        JsonNode task = null;
        for (JsonNode t : alice.get("/api/v1/approvals").json()) {
            if (t.path("runId").asString().equals(run.toString())) {
                task = t;
            }
        }
        assertThat(task).as("alice's inbox has the approval").isNotNull();
        assertThat(task.path("instructions").asString()).isEqualTo("Approve copy for spring sale");
        ApiClient.Response decided = alice.post(
                "/api/v1/approvals/" + task.path("id").asString() + "/approve",
                Map.of("comment", "fine", "fields", Map.of("note", "ship it")));
        ApiClient.Response twice =
                alice.post("/api/v1/approvals/" + task.path("id").asString() + "/reject", Map.of());

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(409);
        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(30), "SUCCEEDED");
        assertThat(done.path("outputs").path("by").asString()).isEqualTo("alice");
        assertThat(done.path("outputs").path("note").asString()).isEqualTo("ship it");
        WorkflowFixture.recordHistory(temporal, run, "approval-decided.json");
    }

    @Test
    void nobody_deciding_in_time_takes_the_timeout_branch_and_closes_the_task() {
        UUID workflow = publish(alice, marketing, APPROVAL.formatted(key("approve"), "PT2S"));
        UUID run = start(alice, workflow, Map.of("inputs", Map.of("brief", "x")));

        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(30), "SUCCEEDED");

        assertThat(done.path("outputs").path("timedOut").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT status FROM approval_task WHERE run_id = :run")
                        .param("run", run)
                        .query(String.class)
                        .single())
                .isEqualTo("TIMED_OUT");
    }

    @Test
    void a_map_runs_every_item_parallel_branches_join_and_a_loop_repeats_its_body() {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Fan out",
                 "inputs": [{"name": "products", "type": "list"}],
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   {"id": "copy", "kind": "map", "items": "inputs.products", "concurrency": 2,
                    "node": {"id": "copy_one", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 20},
                             "messages": [{"role": "user", "content": "Ad {{index}} for {{item}}"}]}},
                   {"id": "fork", "kind": "parallel"},
                   {"id": "left", "kind": "transform", "value": "{{len(steps.copy.output.results)}}"},
                   {"id": "right", "kind": "transform", "value": "right"},
                   {"id": "meet", "kind": "join"},
                   {"id": "again", "kind": "loop", "expression": "true", "maxIterations": 3},
                   {"id": "tick", "kind": "transform", "value": "tick"},
                   {"id": "end", "kind": "end", "outputs": {"ads": "{{steps.copy.output.results}}",
                    "count": "{{steps.left.output}}", "passes": "{{steps.again.output.iterations}}"}}
                 ],
                 "edges": [
                   {"from": "start", "to": "copy"}, {"from": "copy", "to": "fork"},
                   {"from": "fork", "to": "left"}, {"from": "fork", "to": "right"},
                   {"from": "left", "to": "meet"}, {"from": "right", "to": "meet"}, {"from": "meet", "to": "again"},
                   {"from": "again", "port": "body", "to": "tick"}, {"from": "tick", "to": "again"},
                   {"from": "again", "port": "done", "to": "end"}
                 ]}""".formatted(key("fan"));
        UUID workflow = publish(alice, marketing, json);
        UUID run = start(alice, workflow, Map.of("inputs", Map.of("products", List.of("tea", "cake", "jam"))));

        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(60), "SUCCEEDED", "FAILED");

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("outputs").path("ads")).hasSize(3);
        assertThat(done.path("outputs").path("count").asInt()).isEqualTo(3);
        assertThat(done.path("outputs").path("passes").asInt()).isEqualTo(3);
        assertThat(chargesPerStep(jdbc, run)).isEqualTo(Map.of("copy[0]", 1L, "copy[1]", 1L, "copy[2]", 1L));
        JsonNode steps = alice.get("/api/v1/runs/" + run).json().path("steps");
        assertThat(steps.findValuesAsString("stepKey")).contains("tick", "tick#2", "tick#3", "left", "right", "meet");
        WorkflowFixture.recordHistory(temporal, run, "map-parallel-loop.json");
    }

    static final String ENRICH = """
            {"schemaVersion": 1, "key": "%s", "name": "Enrich",
             "nodes": [
               {"id": "start", "kind": "start"},
               {"id": "draft", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 20},
                "messages": [{"role": "user", "content": "Draft a greeting"}]},
               {"id": "lookup", "kind": "http", "input": {"method": "GET", "url": "%s"},
                "policy": {"retry": {"maxAttempts": %d, "initialInterval": "PT0.1S"}}},
               {"id": "end", "kind": "end", "outputs": {"tier": "{{steps.lookup.output.body.tier}}",
                "greeting": "{{steps.draft.output.text}}"}}
             ],
             "edges": [{"from": "start", "to": "draft"}, {"from": "draft", "to": "lookup"}, {"from": "lookup", "to": "end"}]}""";

    @Test
    void a_failing_http_step_is_retried_per_its_policy_and_then_succeeds() {
        failuresLeft.set(2);
        UUID workflow = publish(alice, marketing, ENRICH.formatted(key("enrich"), crmUrl(), 3));

        UUID run = start(alice, workflow, Map.of());
        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(60), "SUCCEEDED", "FAILED");

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("outputs").path("tier").asString()).isEqualTo("gold");
        assertThat(calls.get()).isEqualTo(3);
        JsonNode lookup = stepOf(alice.get("/api/v1/runs/" + run).json(), "lookup");
        assertThat(lookup.path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void a_failed_run_retried_from_its_failed_step_reuses_the_completed_model_step_without_charging_it_again() {
        failuresLeft.set(1);
        UUID workflow = publish(alice, marketing, ENRICH.formatted(key("enrich"), crmUrl(), 1));
        UUID failed = start(alice, workflow, Map.of());
        JsonNode first = awaitStatus(alice, failed, Duration.ofSeconds(60), "FAILED", "SUCCEEDED");
        assertThat(first.path("status").asString()).isEqualTo("FAILED");
        assertThat(first.path("failedNode").asString()).isEqualTo("lookup");
        assertThat(chargesPerStep(jdbc, failed)).isEqualTo(Map.of("draft", 1L));

        ApiClient.Response retried = alice.post("/api/v1/runs/" + failed + "/retry", null);

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        UUID retry = UUID.fromString(retried.text("id"));
        JsonNode done = awaitStatus(alice, retry, Duration.ofSeconds(60), "SUCCEEDED", "FAILED");
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("retryOf").asString()).isEqualTo(failed.toString());
        assertThat(done.path("outputs").path("greeting").asString())
                .isEqualTo(stepOf(alice.get("/api/v1/runs/" + failed).json(), "draft")
                        .path("output")
                        .path("text")
                        .asString());
        assertThat(stepOf(alice.get("/api/v1/runs/" + retry).json(), "draft")
                        .path("status")
                        .asString())
                .isEqualTo("REUSED");
        assertThat(chargesPerStep(jdbc, retry)).isEmpty();
    }

    @Test
    void a_run_whose_hard_budget_is_spent_waits_for_budget_and_goes_on_when_the_budget_is_raised() {
        ApiClient admin = admin(port);
        ApiClient.Response team = ApiClient.asMaster(port)
                .post("/api/v1/org-units", Map.of("kind", "TEAM", "parentId", marketing, "name", key("Budget team")));
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        UUID teamId = UUID.fromString(team.text("id"));
        ApiClient.Response budget = admin.post(
                "/api/v1/budgets",
                Map.of(
                        "orgUnitId",
                        teamId,
                        "name",
                        "Tiny",
                        "amountMicros",
                        1,
                        "currency",
                        "USD",
                        "period",
                        "MONTHLY",
                        "enforcement",
                        "HARD"));
        assertThat(budget.status()).as(budget.body()).isEqualTo(201);
        UUID workflow = publish(alice, marketing, WorkflowRunIT.TRIAGE.formatted(key("triage")));

        UUID run = start(alice, workflow, Map.of("inputs", Map.of("ticket", "hello"), "chargeTo", teamId));
        JsonNode waiting = awaitStatus(alice, run, Duration.ofSeconds(30), "WAITING_FOR_BUDGET", "FAILED");
        assertThat(waiting.path("status").asString()).as(waiting.toString()).isEqualTo("WAITING_FOR_BUDGET");
        assertThat(chargesPerStep(jdbc, run)).isEmpty();

        ApiClient.Response raised = admin.put(
                "/api/v1/budgets/" + budget.text("id"),
                Map.of(
                        "name",
                        "Tiny",
                        "amountMicros",
                        1_000_000_000L,
                        "enforcement",
                        "HARD",
                        "thresholds",
                        List.of(80)));

        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(30), "SUCCEEDED", "FAILED");
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(chargesPerStep(jdbc, run)).isEqualTo(Map.of("classify", 1L, "draft", 1L));
    }

    @Test
    void a_run_cancelled_while_a_step_is_running_ends_cancelled_not_failed() {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Slow call",
                 "nodes": [{"id": "start", "kind": "start"},
                           {"id": "call", "kind": "http", "input": {"url": "%s"}, "policy": {"timeout": "PT30S"}},
                           {"id": "end", "kind": "end"}],
                 "edges": [{"from": "start", "to": "call"}, {"from": "call", "to": "end"}]}""".formatted(key("slow"), crmUrl().replace("/crm", "/slow"));
        UUID run = start(alice, publish(alice, marketing, json), Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("SELECT count(*) FROM workflow_step WHERE run_id = :run AND step_key = 'call'")
                                .param("run", run)
                                .query(Integer.class)
                                .single()
                        == 0
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        assertThat(alice.post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(200);

        JsonNode ended = awaitStatus(alice, run, Duration.ofSeconds(20), "CANCELLED", "FAILED");
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("CANCELLED");
    }

    static JsonNode stepOf(JsonNode run, String key) {
        for (JsonNode step : run.path("steps")) {
            if (step.path("stepKey").asString().equals(key)) {
                return step;
            }
        }
        throw new AssertionError("no step " + key + " in " + run);
    }
}

package dev.switchboard.workflow;

import static dev.switchboard.workflow.WorkflowFixture.alice;
import static dev.switchboard.workflow.WorkflowFixture.chargesPerStep;
import static dev.switchboard.workflow.WorkflowFixture.key;
import static dev.switchboard.workflow.WorkflowFixture.publish;
import static dev.switchboard.workflow.WorkflowFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

/** Agents with tools, sub-workflows, and what a step's error policy does with a failure. */
@IntegrationTest
@TestPropertySource(properties = "switchboard.connectors.http.allow=127.0.0.1")
class WorkflowStepsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID marketing;
    ApiClient alice;
    HttpServer crm;
    final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        marketing = unit(port, "Marketing");
        alice = alice(port);
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/customers", exchange -> {
            lookups.incrementAndGet();
            byte[] body = "{\"customer\":\"ACME\",\"tier\":\"gold\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        crm.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        crm.start();
    }

    @AfterEach
    void stop() {
        crm.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + crm.getAddress().getPort() + path;
    }

    JsonNode runToEnd(UUID workflow, Map<String, Object> inputs) {
        ApiClient.Response response = alice.post(
                "/api/v1/workflows/" + workflow + "/runs",
                Map.of("inputs", inputs, "wait", true, "timeoutSeconds", 60));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void an_agent_calls_its_connector_tool_with_the_designers_fixed_fields_and_answers_after_the_result() {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Agent",
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   {"id": "helper", "kind": "agent", "system": "You look customers up before answering.",
                    "task": "Use crm_lookup to find the tier of customer ACME.",
                    "settings": {"model": "sim-mid/sim-chat", "maxTokens": 60}, "maxIterations": 3,
                    "tools": [{"name": "crm_lookup", "description": "Looks a customer up in the CRM",
                               "connector": "http", "action": "request",
                               "fixed": {"method": "GET", "url": "%s"},
                               "parameters": {"type": "object", "properties": {}}}]},
                   {"id": "end", "kind": "end", "outputs": {"answer": "{{steps.helper.output.text}}",
                    "calls": "{{steps.helper.output.toolCalls}}", "turns": "{{steps.helper.output.iterations}}"}}
                 ],
                 "edges": [{"from": "start", "to": "helper"}, {"from": "helper", "to": "end"}]}""".formatted(key("agent"), url("/customers"));
        UUID workflow = publish(alice, marketing, json);

        JsonNode run = runToEnd(workflow, Map.of());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        JsonNode calls = run.path("outputs").path("calls");
        assertThat(calls).as(run.toString()).hasSize(1);
        assertThat(calls.get(0).path("tool").asString()).isEqualTo("crm_lookup");
        assertThat(calls.get(0).path("result").path("body").path("tier").asString())
                .isEqualTo("gold");
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(run.path("outputs").path("turns").asInt()).isEqualTo(2);
        assertThat(run.path("outputs").path("answer").asString()).isNotBlank();
        UUID runId = UUID.fromString(run.path("id").asString());
        long charged = jdbc.sql("SELECT count(*) FROM usage_ledger WHERE workflow_run_id = :run AND step_id = 'helper'")
                .param("run", runId.toString())
                .query(Long.class)
                .single();
        assertThat(charged).as("one charge per model turn").isEqualTo(2);
    }

    @Test
    void an_agent_uses_a_published_workflow_as_a_tool_run_as_a_child_of_its_run() {
        String childKey = key("greeter");
        publish(alice, marketing, """
                {"schemaVersion": 1, "key": "%s", "name": "Greeter",
                 "inputs": [{"name": "who", "type": "text", "description": "whom to greet"}],
                 "nodes": [{"id": "start", "kind": "start"},
                           {"id": "end", "kind": "end", "outputs": {"greeting": "Hello, {{inputs.who}}"}}],
                 "edges": [{"from": "start", "to": "end"}]}""".formatted(childKey));
        UUID agent = publish(alice, marketing, """
                {"schemaVersion": 1, "key": "%s", "name": "Agent with a workflow tool",
                 "nodes": [{"id": "start", "kind": "start"},
                           {"id": "helper", "kind": "agent", "task": "Use greeter to greet the new customer.",
                            "settings": {"model": "sim-mid/sim-chat", "maxTokens": 40},
                            "tools": [{"name": "greeter", "description": "Greets a person", "workflow": "%s"}]},
                           {"id": "end", "kind": "end", "outputs": {"calls": "{{steps.helper.output.toolCalls}}"}}],
                 "edges": [{"from": "start", "to": "helper"}, {"from": "helper", "to": "end"}]}""".formatted(key("agent"), childKey));

        JsonNode run = runToEnd(agent, Map.of());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        JsonNode result = run.path("outputs").path("calls").path(0).path("result");
        assertThat(result.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.path("outputs").path("greeting").asString()).startsWith("Hello, ");
        JsonNode child =
                alice.get("/api/v1/runs/" + result.path("runId").asString()).json();
        assertThat(child.path("parentRun").asString()).isEqualTo(run.path("id").asString());
    }

    @Test
    void a_sub_workflow_node_runs_the_child_as_its_own_run_and_takes_its_outputs() {
        String childKey = key("child");
        publish(alice, marketing, """
                {"schemaVersion": 1, "key": "%s", "name": "Child",
                 "inputs": [{"name": "who", "type": "text"}],
                 "nodes": [{"id": "start", "kind": "start"},
                           {"id": "greet", "kind": "transform", "value": "Hello, {{inputs.who}}"},
                           {"id": "end", "kind": "end", "outputs": {"greeting": "{{steps.greet.output}}"}}],
                 "edges": [{"from": "start", "to": "greet"}, {"from": "greet", "to": "end"}]}""".formatted(childKey));
        UUID parent = publish(alice, marketing, """
                {"schemaVersion": 1, "key": "%s", "name": "Parent",
                 "nodes": [{"id": "start", "kind": "start"},
                           {"id": "call", "kind": "sub_workflow", "workflow": "%s", "inputs": {"who": "Ada"}},
                           {"id": "end", "kind": "end", "outputs": {"said": "{{steps.call.output.outputs.greeting}}",
                            "child": "{{steps.call.output.runId}}"}}],
                 "edges": [{"from": "start", "to": "call"}, {"from": "call", "to": "end"}]}""".formatted(key("parent"), childKey));

        JsonNode run = runToEnd(parent, Map.of());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("outputs").path("said").asString()).isEqualTo("Hello, Ada");
        JsonNode child = alice.get(
                        "/api/v1/runs/" + run.path("outputs").path("child").asString())
                .json();
        assertThat(child.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(child.path("parentRun").asString()).isEqualTo(run.path("id").asString());
        assertThat(child.path("workflowKey").asString()).isEqualTo(childKey);
    }

    @Test
    void an_llm_step_whose_worst_case_is_over_its_cost_cap_fails_without_calling_or_charging() {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Capped",
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   {"id": "capped", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 4000},
                    "messages": [{"role": "user", "content": "Write a long essay about budgets."}],
                    "policy": {"retry": {"maxAttempts": 1}, "onError": "branch", "costCapMicros": 1}},
                   {"id": "handled", "kind": "transform", "value": "{{steps.capped.error}}"},
                   {"id": "cheap", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 20},
                    "messages": [{"role": "user", "content": "Say hi."}],
                    "policy": {"costCapMicros": 1000000}},
                   {"id": "end", "kind": "end", "outputs": {"error": "{{steps.handled.output}}",
                    "hi": "{{steps.cheap.output.text}}"}}
                 ],
                 "edges": [
                   {"from": "start", "to": "capped"}, {"from": "capped", "to": "end"},
                   {"from": "capped", "port": "error", "to": "handled"}, {"from": "handled", "to": "cheap"},
                   {"from": "cheap", "to": "end"}
                 ]}""".formatted(key("capped"));
        UUID workflow = publish(alice, marketing, json);

        JsonNode run = runToEnd(workflow, Map.of());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("outputs").path("error").asString()).contains("over the cost cap of 1");
        assertThat(run.path("outputs").path("hi").asString()).isNotBlank();
        // only the step within its cap was called and charged
        assertThat(chargesPerStep(jdbc, UUID.fromString(run.path("id").asString())))
                .containsOnlyKeys("cheap");
    }

    /** The CRM-lookup agent node of the cost-cap tests (its request is spelled out in the second one). */
    String crmAgent(String policyJson) {
        return """
                {"id": "helper", "kind": "agent", "task": "Use crm_lookup to find the tier of ACME.",
                 "settings": {"model": "sim-mid/sim-chat", "maxTokens": 60}, "maxIterations": 3,
                 "tools": [{"name": "crm_lookup", "description": "Looks a customer up in the CRM",
                            "connector": "http", "action": "request", "fixed": {"method": "GET", "url": "%s"},
                            "parameters": {"type": "object", "properties": {}}}],
                 "policy": %s}""".formatted(url("/customers"), policyJson);
    }

    @Test
    void an_agent_whose_first_turn_could_cost_more_than_its_cap_fails_without_calling() {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Capped agent",
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   %s,
                   {"id": "handled", "kind": "transform", "value": "{{steps.helper.error}}"},
                   {"id": "end", "kind": "end", "outputs": {"error": "{{steps.handled.output}}"}}
                 ],
                 "edges": [{"from": "start", "to": "helper"}, {"from": "helper", "to": "end"},
                           {"from": "helper", "port": "error", "to": "handled"}, {"from": "handled", "to": "end"}]}""".formatted(
                        key("capped-agent"),
                        crmAgent("{\"retry\": {\"maxAttempts\": 1}, \"onError\": \"branch\", \"costCapMicros\": 1}"));
        UUID workflow = publish(alice, marketing, json);

        JsonNode run = runToEnd(workflow, Map.of());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("outputs").path("error").asString()).contains("fits the cost cap of 1");
        assertThat(lookups.get()).isZero();
        assertThat(chargesPerStep(jdbc, UUID.fromString(run.path("id").asString())))
                .isEmpty();
    }

    @Test
    void an_agent_stops_at_the_first_turn_whose_worst_case_no_longer_fits_what_is_left_of_its_cap() {
        // the first turn's request exactly as the agent builds it; its worst case becomes the cap, so that
        // turn fits and the next one (a longer prompt, less left) cannot
        String firstTurn = """
                {"model":"sim-mid/sim-chat","messages":[{"role":"user","content":"Use crm_lookup to find the tier of ACME."}],
                 "tools":[{"type":"function","function":{"name":"crm_lookup","description":"Looks a customer up in the CRM",
                 "parameters":{"type":"object","properties":{}}}}],"max_tokens":60}""";
        ApiClient.Response explained =
                ApiClient.asMaster(port).postRaw("/api/v1/route/explain?orgUnitId=" + marketing, firstTurn);
        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        long cap = explained
                .json()
                .path("candidates")
                .get(0)
                .path("worstCaseMicros")
                .asLong();
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Agent on a cap",
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   %s,
                   {"id": "end", "kind": "end", "outputs": {"stopped": "{{steps.helper.output.stoppedBy}}",
                    "turns": "{{steps.helper.output.iterations}}", "cost": "{{steps.helper.output.costMicros}}"}}
                 ],
                 "edges": [{"from": "start", "to": "helper"}, {"from": "helper", "to": "end"}]}""".formatted(key("agent-on-cap"), crmAgent("{\"costCapMicros\": " + cap + "}"));
        UUID workflow = publish(alice, marketing, json);

        JsonNode run = runToEnd(workflow, Map.of());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("outputs").path("stopped").asString()).isEqualTo("cost cap");
        assertThat(run.path("outputs").path("turns").asInt()).isEqualTo(1);
        assertThat(lookups.get()).as("the first turn's tool call ran").isEqualTo(1);
        long cost = run.path("outputs").path("cost").asLong();
        assertThat(cost).isPositive().isLessThanOrEqualTo(cap);
        assertThat(chargesPerStep(jdbc, UUID.fromString(run.path("id").asString())))
                .as("one ledger row: the turn taken")
                .containsExactly(Map.entry("helper", 1L));
    }

    @Test
    void a_failed_step_takes_its_error_port_continues_or_uses_its_default_as_its_policy_says() {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Errors",
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   {"id": "branching", "kind": "http", "input": {"url": "%s"},
                    "policy": {"retry": {"maxAttempts": 1}, "onError": "branch"}},
                   {"id": "handled", "kind": "transform", "value": "handled: {{steps.branching.error}}"},
                   {"id": "defaulted", "kind": "http", "input": {"url": "%s"},
                    "policy": {"retry": {"maxAttempts": 1}, "onError": "default", "default": {"tier": "bronze"}}},
                   {"id": "ignored", "kind": "http", "input": {"url": "%s"},
                    "policy": {"retry": {"maxAttempts": 1}, "onError": "continue"}},
                   {"id": "end", "kind": "end", "outputs": {"handled": "{{steps.handled.output}}",
                    "tier": "{{steps.defaulted.output.tier}}", "ignored": "{{steps.ignored.status}}"}}
                 ],
                 "edges": [
                   {"from": "start", "to": "branching"}, {"from": "branching", "to": "end"},
                   {"from": "branching", "port": "error", "to": "handled"}, {"from": "handled", "to": "defaulted"},
                   {"from": "defaulted", "to": "ignored"}, {"from": "ignored", "to": "end"}
                 ]}""".formatted(key("errors"), url("/broken"), url("/broken"), url("/broken"));
        UUID workflow = publish(alice, marketing, json);

        JsonNode run = runToEnd(workflow, Map.of());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("outputs").path("handled").asString())
                .startsWith("handled: ")
                .contains("404");
        assertThat(run.path("outputs").path("tier").asString()).isEqualTo("bronze");
        assertThat(run.path("outputs").path("ignored").asString()).isEqualTo("FAILED");
        assertThat(chargesPerStep(jdbc, UUID.fromString(run.path("id").asString())))
                .isEmpty();
    }
}

package dev.switchboard.prompt;

import static dev.switchboard.prompt.PromptFixture.alice;
import static dev.switchboard.prompt.PromptFixture.carol;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The playground through the real gateway to the built-in simulated providers, charged and in the ledger. */
@IntegrationTest
class PlaygroundIT {

    static final Map<String, Object> TICKET = Map.of("text", "I was charged twice for my subscription this month.");

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    UUID marketing;
    String classify;

    @BeforeEach
    void setUp() {
        marketing = PromptFixture.unit(port, "Marketing");
        classify = null;
        for (JsonNode s : alice(port).get("/api/v1/prompts?search=classify").json()) {
            if (s.path("key").asString().equals("classify-text")) {
                classify = s.path("id").asString();
            }
        }
        assertThat(classify).isNotNull();
    }

    UsageEntry ledgerRow(String requestId) {
        return ledger
                .query(new UsageQuery(new OrgUnitId(marketing), null, null, null, null, null, 500))
                .entries()
                .stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ledger row for " + requestId + " charged to Marketing"));
    }

    @Test
    void runs_two_models_side_by_side_charged_to_the_users_unit_with_tokens_and_cost_as_in_the_ledger() {
        ApiClient.Response response = alice(port)
                .post(
                        "/api/v1/prompts/" + classify + "/run",
                        Map.of("values", TICKET, "models", List.of("sim-fast/sim-chat", "sim-mid/sim-chat")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.text("chargedTo")).isEqualTo(marketing.toString());
        JsonNode runs = response.json().path("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("providerId").asString()).isEqualTo("sim-fast");
        assertThat(runs.get(1).path("providerId").asString()).isEqualTo("sim-mid");
        for (JsonNode run : runs) {
            assertThat(run.path("error").isNull()).as(run.toString()).isTrue();
            assertThat(run.path("output").asString()).isNotBlank();
            assertThat(run.path("promptTokens").asLong()).isPositive();
            assertThat(run.path("completionTokens").asLong()).isPositive();
            UsageEntry row = ledgerRow(run.path("requestId").asString());
            assertThat(row.inputTokens()).isEqualTo(run.path("promptTokens").asLong());
            assertThat(row.outputTokens())
                    .isEqualTo(run.path("completionTokens").asLong());
            assertThat(row.retail().micros())
                    .isPositive()
                    .isEqualTo(run.path("cost").path("micros").asLong());
            assertThat(row.providerId()).isEqualTo(run.path("providerId").asString());
        }
        assertThat(runs.get(1).path("cost").path("micros").asLong())
                .as("sim-mid costs more than sim-fast for the same prompt")
                .isGreaterThan(runs.get(0).path("cost").path("micros").asLong());
    }

    @Test
    void a_failing_model_does_not_fail_the_others() {
        ApiClient.Response response = alice(port)
                .post(
                        "/api/v1/prompts/" + classify + "/run",
                        Map.of("values", TICKET, "models", List.of("sim-chat", "gpt-9-imaginary")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode runs = response.json().path("runs");
        assertThat(runs.get(0).path("output").asString()).isNotBlank();
        assertThat(runs.get(1).path("error").asString()).contains("gpt-9-imaginary");
        assertThat(runs.get(1).path("output").isNull()).isTrue();
    }

    @Test
    void estimates_name_the_deployment_and_cost_before_anything_runs() {
        long before = ledger.query(new UsageQuery(new OrgUnitId(marketing), null, null, null, null, null, 1000))
                .entries()
                .size();

        ApiClient.Response response = alice(port)
                .post(
                        "/api/v1/prompts/" + classify + "/estimate",
                        Map.of("values", TICKET, "models", List.of("sim-fast/sim-chat", "sim-smart")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode fast = response.json().get(0);
        JsonNode smart = response.json().get(1);
        assertThat(fast.path("providerId").asString()).isEqualTo("sim-fast");
        assertThat(fast.path("promptTokens").asLong()).isGreaterThan(20);
        assertThat(fast.path("assumedOutputTokens").asLong()).isEqualTo(200);
        assertThat(fast.path("estimatedCost").path("micros").asLong()).isPositive();
        assertThat(smart.path("estimatedCost").path("micros").asLong())
                .isGreaterThan(fast.path("estimatedCost").path("micros").asLong());
        assertThat(ledger.query(new UsageQuery(new OrgUnitId(marketing), null, null, null, null, null, 1000))
                        .entries())
                .hasSize((int) before);
    }

    @Test
    void a_saved_test_case_runs_against_a_version_with_a_result_per_check() {
        ApiClient.Response saved = ApiClient.asMaster(port)
                .post(
                        "/api/v1/prompts/" + classify + "/test-cases",
                        Map.of(
                                "name",
                                "double charge " + UUID.randomUUID(),
                                "inputs",
                                TICKET,
                                "model",
                                "sim-chat",
                                "checks",
                                List.of(
                                        Map.of("type", "json_schema"),
                                        Map.of("type", "regex", "pattern", "\\S"),
                                        Map.of("type", "contains", "text", "text-that-no-model-writes-42"))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String caseId = saved.text("id");

        ApiClient.Response report = ApiClient.asMaster(port)
                .post("/api/v1/prompts/" + classify + "/test-runs", Map.of("version", 1, "orgUnitId", marketing));

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode result = null;
        for (JsonNode c : report.json().path("cases")) {
            if (c.path("caseId").asString().equals(caseId)) {
                result = c;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.path("passed").asBoolean()).isFalse();
        JsonNode checks = result.path("checks");
        assertThat(checks.get(1).path("passed").asBoolean()).isTrue();
        assertThat(checks.get(2).path("passed").asBoolean()).isFalse();
        assertThat(checks.get(2).path("detail").asString()).contains("not found");
        assertThat(checks.get(0).path("check").path("type").asString()).isEqualTo("json_schema");
    }

    @Test
    void only_designers_operators_and_admins_run_and_only_on_their_units() {
        assertThat(carol(port)
                        .post("/api/v1/prompts/" + classify + "/run", Map.of("values", TICKET))
                        .status())
                .isEqualTo(403);
        UUID it = PromptFixture.unit(port, "IT");
        assertThat(alice(port)
                        .post("/api/v1/prompts/" + classify + "/run", Map.of("values", TICKET, "orgUnitId", it))
                        .status())
                .isEqualTo(403);
        assertThat(alice(port)
                        .post(
                                "/api/v1/prompts/" + classify + "/run",
                                Map.of("values", TICKET, "models", List.of("a", "b", "c", "d", "e")))
                        .status())
                .isEqualTo(400);
    }
}

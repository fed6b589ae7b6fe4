package dev.switchboard.workflow;

import static dev.switchboard.workflow.WorkflowFixture.alice;
import static dev.switchboard.workflow.WorkflowFixture.awaitStatus;
import static dev.switchboard.workflow.WorkflowFixture.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The example workflows are imported at start-up, published, and run on the simulated providers. */
@IntegrationTest
class BundledWorkflowsIT {

    @LocalServerPort
    int port;

    UUID workflow(ApiClient who, String key) {
        for (JsonNode w : who.get("/api/v1/workflows?search=" + key).json()) {
            if (w.path("key").asString().equals(key)) {
                assertThat(w.path("publishedVersion").isNull())
                        .as(key + " is published")
                        .isFalse();
                assertThat(w.path("orgUnitId").isNull()).as(key + " is shared").isTrue();
                return UUID.fromString(w.path("id").asString());
            }
        }
        throw new AssertionError("no bundled workflow " + key);
    }

    @Test
    void support_ticket_triage_classifies_routes_and_drafts_a_reply() {
        ApiClient alice = alice(port);
        JsonNode run = alice.post(
                        "/api/v1/workflows/" + workflow(alice, "support-ticket-triage") + "/runs",
                        Map.of(
                                "inputs",
                                Map.of("ticket", "I was charged twice for my order"),
                                "wait",
                                true,
                                "timeoutSeconds",
                                60))
                .json();

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("outputs").path("reply").asString()).isNotBlank();
        assertThat(run.path("outputs").path("category").asString()).isNotBlank();
        assertThat(run.path("costMicros").asLong()).isPositive();
    }

    @Test
    void contract_clause_extraction_returns_json_with_the_schema_fields() {
        ApiClient alice = alice(port);
        JsonNode run = alice.post(
                        "/api/v1/workflows/" + workflow(alice, "contract-clause-extraction") + "/runs",
                        Map.of(
                                "inputs",
                                Map.of(
                                        "contract",
                                        "This agreement between Acme Ltd and Beta GmbH starts on"
                                                + " 1 January 2027 for 12 months; either party may end it with 30 days notice."),
                                "wait",
                                true,
                                "timeoutSeconds",
                                60))
                .json();

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        JsonNode extraction = run.path("outputs").path("extraction");
        assertThat(extraction.isObject()).as(run.toString()).isTrue();
        assertThat(extraction.has("parties")).isTrue();
        assertThat(extraction.has("clauses")).isTrue();
    }

    @Test
    void the_launch_content_pack_writes_three_pieces_at_once_and_hands_them_over_once_approved() {
        ApiClient alice = alice(port);
        UUID run = start(
                alice,
                workflow(alice, "product-launch-content-pack"),
                Map.of(
                        "inputs",
                        Map.of(
                                "product",
                                "Oolong cold brew in a can",
                                "brief",
                                "Our first canned tea, launching in May")));
        awaitStatus(alice, run, Duration.ofSeconds(60), "WAITING_FOR_APPROVAL");
        String task = null;
        for (JsonNode t : alice.get("/api/v1/approvals").json()) {
            if (t.path("runId").asString().equals(run.toString())) {
                task = t.path("id").asString();
            }
        }
        assertThat(task).isNotNull();

        alice.post("/api/v1/approvals/" + task + "/approve", Map.of("fields", Map.of("note", "ship")));

        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(60), "SUCCEEDED");
        assertThat(done.path("outputs").path("social_posts").asString()).isNotBlank();
        assertThat(done.path("outputs").path("approved_by").asString()).isEqualTo("alice");
        JsonNode steps = alice.get("/api/v1/runs/" + run).json().path("steps");
        assertThat(steps.findValuesAsString("stepKey")).contains("ad_copy", "social", "video", "gather", "review");
    }
}

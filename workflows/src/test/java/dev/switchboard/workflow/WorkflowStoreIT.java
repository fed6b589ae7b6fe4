package dev.switchboard.workflow;

import static dev.switchboard.workflow.WorkflowFixture.JSON;
import static dev.switchboard.workflow.WorkflowFixture.alice;
import static dev.switchboard.workflow.WorkflowFixture.key;
import static dev.switchboard.workflow.WorkflowFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The workflow library over REST: versions, diff, rollback, import/export, who may see and change what. */
@IntegrationTest
class WorkflowStoreIT {

    static final String GREETING = """
            {"schemaVersion": 1, "key": "%s", "name": "Greeting",
             "inputs": [{"name": "who", "type": "text"}],
             "nodes": [{"id": "start", "kind": "start"},
                       {"id": "greet", "kind": "transform", "value": "%s, {{inputs.who}}"},
                       {"id": "end", "kind": "end", "outputs": {"text": "{{steps.greet.output}}"}}],
             "edges": [{"from": "start", "to": "greet"}, {"from": "greet", "to": "end"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID marketing;
    ApiClient alice;

    @BeforeEach
    void setUp() {
        marketing = unit(port, "Marketing");
        alice = alice(port);
    }

    @Test
    void versions_are_drafted_published_diffed_rolled_back_and_published_ones_never_change() {
        String key = key("greeting");
        ApiClient.Response created =
                alice.post("/api/v1/workflows?orgUnitId=" + marketing, JSON.readTree(GREETING.formatted(key, "Hello")));
        String base = "/api/v1/workflows/" + created.text("workflowId");
        assertThat(alice.delete(base + "/draft").status())
                .as("the first draft stays")
                .isEqualTo(409);
        assertThat(alice.post(base + "/publish", null).text("status")).isEqualTo("PUBLISHED");

        ApiClient.Response draft = alice.put(base + "/draft", JSON.readTree(GREETING.formatted(key, "Good morning")));
        assertThat(draft.json().path("number").asInt()).isEqualTo(2);
        alice.post(base + "/publish", null);
        JsonNode diff = alice.get(base + "/diff?from=1&to=2").json();
        JsonNode greet = null;
        for (JsonNode section : diff) {
            if (section.path("name").asString().equals("nodes.greet")) {
                greet = section;
            }
        }
        assertThat(greet).isNotNull();
        assertThat(greet.path("changed").asBoolean()).isTrue();
        assertThat(greet.toString()).contains("Hello, {{inputs.who}}").contains("Good morning, {{inputs.who}}");

        JsonNode rolledBack = alice.post(base + "/versions/1/rollback", null).json();
        assertThat(rolledBack.path("number").asInt()).isEqualTo(3);
        assertThat(rolledBack.path("definition").toString()).contains("Hello, {{inputs.who}}");
        assertThat(alice.get(base + "/versions/1").json().path("definition").toString())
                .contains("Hello,");
    }

    @Test
    void a_changed_published_version_is_refused_by_the_database() {
        String key = key("greeting");
        ApiClient.Response created =
                alice.post("/api/v1/workflows?orgUnitId=" + marketing, JSON.readTree(GREETING.formatted(key, "Hi")));
        alice.post("/api/v1/workflows/" + created.text("workflowId") + "/publish", null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE workflow_version SET status = 'DRAFT', published_at = NULL WHERE workflow_id = :id")
                        .param("id", UUID.fromString(created.text("workflowId")))
                        .update())
                .hasMessageContaining("immutable");
    }

    @Test
    void an_exported_workflow_imports_as_the_same_document_and_a_second_import_is_a_new_draft() {
        String key = key("greeting");
        ApiClient.Response created =
                alice.post("/api/v1/workflows?orgUnitId=" + marketing, JSON.readTree(GREETING.formatted(key, "Hey")));
        String id = created.text("workflowId");
        String exported = alice.get("/api/v1/workflows/" + id + "/export").body();

        ApiClient.Response imported = alice.postRaw("/api/v1/workflows/import?orgUnitId=" + marketing, exported);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.text("workflowId")).isEqualTo(id);
        assertThat(JSON.readTree(
                        alice.get("/api/v1/workflows/" + id + "/export").body()))
                .isEqualTo(JSON.readTree(exported));
    }

    @Test
    void people_outside_the_owning_unit_neither_see_nor_change_its_workflows() {
        String key = key("private");
        ApiClient.Response created =
                alice.post("/api/v1/workflows?orgUnitId=" + marketing, JSON.readTree(GREETING.formatted(key, "Hi")));
        String base = "/api/v1/workflows/" + created.text("workflowId");
        ApiClient bob = ApiClient.as(port, "bob", "bob-demo-pass"); // operator in IT

        assertThat(bob.get(base + "/versions").status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/workflows?search=" + key).json()).isEmpty();
        assertThat(bob.post(
                                "/api/v1/workflows?orgUnitId=" + marketing,
                                JSON.readTree(GREETING.formatted(key("x"), "Hi")))
                        .status())
                .isEqualTo(403);
        assertThat(bob.post(base + "/publish", null).status()).isIn(403, 404);
    }
}

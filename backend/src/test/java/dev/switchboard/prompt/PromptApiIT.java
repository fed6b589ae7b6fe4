package dev.switchboard.prompt;

import static dev.switchboard.prompt.PromptFixture.alice;
import static dev.switchboard.prompt.PromptFixture.bob;
import static dev.switchboard.prompt.PromptFixture.carol;
import static dev.switchboard.prompt.PromptFixture.key;
import static dev.switchboard.prompt.PromptFixture.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The prompt store over real HTTP as the demo users: lifecycle, permissions and bad input. */
@IntegrationTest
class PromptApiIT {

    @LocalServerPort
    int port;

    UUID marketing;

    @BeforeEach
    void setUp() {
        marketing = PromptFixture.unit(port, "Marketing");
    }

    String createAsAlice(String key, String userContent) {
        ApiClient.Response created = alice(port)
                .post("/api/v1/prompts", Map.of("orgUnitId", marketing, "template", template(key, userContent)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("templateId");
    }

    @Test
    void the_first_draft_of_a_template_is_not_discarded_and_the_template_keeps_it() {
        String id = createAsAlice(key("first"), "Hello {{ who }}");

        ApiClient.Response discarded = alice(port).delete("/api/v1/prompts/" + id + "/draft");

        assertThat(discarded.status()).isEqualTo(409);
        assertThat(discarded.body()).contains("archive the template");
        assertThat(alice(port)
                        .get("/api/v1/prompts/" + id)
                        .json()
                        .path("number")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void the_bundled_library_is_listed_for_everyone_and_searchable_by_tag() {
        ApiClient.Response finance = carol(port).get("/api/v1/prompts?tag=finance");

        assertThat(finance.status()).isEqualTo(200);
        assertThat(finance.json().findValuesAsString("key")).contains("invoice-fields");
        assertThat(alice(port).get("/api/v1/prompts?search=translate").json().findValuesAsString("key"))
                .contains("translate-zh-en");
    }

    @Test
    void a_designer_creates_edits_publishes_diffs_and_rolls_back_a_template_of_her_unit() {
        String key = key("greet");
        String id = createAsAlice(key, "Greet {{ who }} in a {{ tone }} way.");
        String base = "/api/v1/prompts/" + id;

        assertThat(alice(port).post(base + "/publish", null).text("status")).isEqualTo("PUBLISHED");
        ApiClient.Response draft = alice(port)
                .put(
                        base + "/draft",
                        Map.of("template", template(key, "Greet {{ who }} warmly, in a {{ tone }} way.")));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().path("number").asInt()).isEqualTo(2);
        assertThat(alice(port).post(base + "/publish", null).status()).isEqualTo(200);

        JsonNode diff = alice(port).get(base + "/diff?from=1&to=2").json();
        assertThat(diff.path("identical").asBoolean()).isFalse();
        assertThat(diff.path("unified").asString())
                .contains("-content: \"Greet {{ who }} in a {{ tone }} way.\"")
                .contains("+content: \"Greet {{ who }} warmly, in a {{ tone }} way.\"");

        ApiClient.Response rollback = alice(port).post(base + "/versions/1/rollback", null);
        assertThat(rollback.json().path("number").asInt()).isEqualTo(3);
        assertThat(rollback.json().path("basedOn").asInt()).isEqualTo(1);
        assertThat(rollback.text("status")).isEqualTo("DRAFT");
        assertThat(alice(port)
                        .get(base + "/diff?from=1&to=3")
                        .json()
                        .path("identical")
                        .asBoolean())
                .isTrue();
        assertThat(alice(port).get(base + "/versions").json()).hasSize(3);
    }

    @Test
    void export_gives_yaml_that_imports_as_a_new_template_unchanged() {
        String id = createAsAlice(key("export"), "Greet {{ who }}.");
        PromptFixture.YamlResponse exported = PromptFixture.sendYaml(
                port, "alice", "alice-demo-pass", "GET", "/api/v1/prompts/" + id + "/export", null);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/yaml");
        String newKey = key("imported");
        String yaml = exported.body().replaceFirst("key: \\S+", "key: " + newKey);

        PromptFixture.YamlResponse imported = PromptFixture.sendYaml(
                port, "alice", "alice-demo-pass", "POST", "/api/v1/prompts/import?orgUnitId=" + marketing, yaml);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String importedId =
                PromptFixture.JSON.readTree(imported.body()).path("templateId").asString();
        String reExported = PromptFixture.sendYaml(
                        port, "alice", "alice-demo-pass", "GET", "/api/v1/prompts/" + importedId + "/export", null)
                .body();
        assertThat(reExported).isEqualTo(yaml);
    }

    @Test
    void broken_yaml_on_import_is_a_400_naming_the_field() {
        PromptFixture.YamlResponse response = PromptFixture.sendYaml(
                port,
                "alice",
                "alice-demo-pass",
                "POST",
                "/api/v1/prompts/import?orgUnitId=" + marketing,
                "key: x\nname: X\nmessages:\n  - role: user\n    content: hi\n    colour: blue\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("invalid-prompt").contains("colour");
    }

    @Test
    void others_cannot_see_or_change_a_units_template_and_designers_cannot_change_shared_ones() {
        String id = createAsAlice(key("private"), "Greet {{ who }}.");

        assertThat(carol(port).get("/api/v1/prompts/" + id).status()).isEqualTo(404);
        assertThat(carol(port).get("/api/v1/prompts").json().findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(bob(port)
                        .post(
                                "/api/v1/prompts",
                                Map.of("orgUnitId", marketing, "template", template(key("bob"), "Hi {{ who }}")))
                        .status())
                .isEqualTo(403);
        assertThat(bob(port).post("/api/v1/prompts/" + id + "/publish", null).status())
                .isIn(403, 404);
        String invoice = idOf("invoice-fields");
        ApiClient.Response edit = alice(port)
                .put(
                        "/api/v1/prompts/" + invoice + "/draft",
                        Map.of("template", template("invoice-fields", "{{ who }}")));
        assertThat(edit.status()).isEqualTo(403);
        assertThat(ApiClient.asMaster(port).get("/api/v1/prompts/" + id).status())
                .isEqualTo(200);
        assertThat(alice(port)
                        .post("/api/v1/prompts", Map.of("template", template(key("shared"), "Hi {{ who }}")))
                        .status())
                .as("shared templates are for admins")
                .isEqualTo(403);
    }

    @Test
    void a_template_using_an_undeclared_variable_is_refused_with_its_position() {
        ApiClient.Response response = alice(port)
                .post(
                        "/api/v1/prompts",
                        Map.of(
                                "orgUnitId",
                                marketing,
                                "template",
                                template(key("typo"), "Greet {{ who }}.\nSigned: {{ sender }}")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:switchboard:problem:invalid-prompt");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("kind").asString()).isEqualTo("UNKNOWN_VARIABLE");
        assertThat(error.path("variable").asString()).isEqualTo("sender");
        assertThat(error.path("messageIndex").asInt()).isEqualTo(1);
        assertThat(error.path("line").asInt()).isEqualTo(2);
    }

    @Test
    void render_errors_are_400_with_the_variable_and_where_it_is_used() {
        String id = createAsAlice(key("render"), "Greet {{ who }} in a {{ tone }} way.");

        ApiClient.Response missing = alice(port).post("/api/v1/prompts/" + id + "/render", Map.of("values", Map.of()));
        ApiClient.Response mistyped = alice(port)
                .post("/api/v1/prompts/" + id + "/render", Map.of("values", Map.of("who", "Li", "tone", "rude")));
        ApiClient.Response ok =
                alice(port).post("/api/v1/prompts/" + id + "/render", Map.of("values", Map.of("who", "Li")));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("kind").asString()).isEqualTo("MISSING_VARIABLE");
        assertThat(missing.json().path("errors").get(0).path("variable").asString())
                .isEqualTo("who");
        assertThat(missing.json().path("errors").get(0).path("column").asInt()).isEqualTo(10);
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().path("errors").get(0).path("message").asString())
                .contains("[warm, formal]");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("messages").get(1).path("content").asString()).isEqualTo("Greet Li in a warm way.");
    }

    @Test
    void check_lists_problems_without_storing_anything() {
        ApiClient.Response check =
                alice(port).post("/api/v1/prompts/check", Map.of("template", template("Bad Key", "{% if who %}open")));

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().path("ok").asBoolean()).isFalse();
        assertThat(check.json().path("problems").findValuesAsString("path")).contains("key");
    }

    @Test
    void unknown_templates_and_versions_are_404() {
        assertThat(alice(port).get("/api/v1/prompts/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        String id = createAsAlice(key("missing"), "Greet {{ who }}.");
        assertThat(alice(port).get("/api/v1/prompts/" + id + "/versions/9").status())
                .isEqualTo(404);
        assertThat(alice(port)
                        .get("/api/v1/prompts/" + id + "/diff?from=1&to=9")
                        .status())
                .isEqualTo(404);
    }

    String idOf(String key) {
        for (JsonNode s : ApiClient.asMaster(port).get("/api/v1/prompts").json()) {
            if (s.path("key").asString().equals(key)) {
                return s.path("id").asString();
            }
        }
        throw new AssertionError("no template " + key + " in " + List.of());
    }
}

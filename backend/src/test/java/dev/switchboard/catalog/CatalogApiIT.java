package dev.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient alice;
    String suffix;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        alice = ApiClient.as(port, "alice", "alice-demo-pass");
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> provider(String id, String apiKey) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "id", id,
                "displayName", "Test " + id,
                "protocol", "OPENAI_COMPATIBLE",
                "quirks", "vllm",
                "baseUrl", "http://10.1.2.3:8000/v1",
                "region", "eu",
                "jurisdiction", "EU"));
        if (apiKey != null) {
            body.put("apiKey", apiKey);
        }
        return body;
    }

    private Map<String, Object> deployment(String providerId, String modelName) {
        return Map.of(
                "providerId",
                providerId,
                "modelName",
                modelName,
                "upstreamModelId",
                "org/" + modelName,
                "tier",
                "standard",
                "capabilities",
                List.of("tools", "streaming"),
                "contextWindowTokens",
                32768,
                "maxOutputTokens",
                4096);
    }

    private JsonNode byId(Response list, String id) {
        return list.json()
                .valueStream()
                .filter(n -> n.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + list.body()));
    }

    @Test
    void the_seeded_simulators_are_enabled_labelled_and_point_at_this_node() {
        Response providers = alice.get("/api/v1/providers");

        assertThat(providers.status()).isEqualTo(200);
        for (String id : List.of("sim-fast", "sim-mid", "sim-smart", "sim-flaky", "sim-claude")) {
            JsonNode sim = byId(providers, id);
            assertThat(sim.path("simulated").asBoolean()).as(id).isTrue();
            assertThat(sim.path("enabled").asBoolean()).as(id).isTrue();
            String version = id.equals("sim-claude") ? "" : "/v1";
            assertThat(sim.path("baseUrl").asString())
                    .isEqualTo("http://127.0.0.1:" + port + "/simulated/" + id + version);
        }
        assertThat(byId(providers, "sim-claude").path("protocol").asString()).isEqualTo("ANTHROPIC");
        JsonNode embeddings = byId(providers, "local-embeddings");
        assertThat(embeddings.path("protocol").asString()).isEqualTo("IN_PROCESS");
        assertThat(embeddings.path("simulated").asBoolean()).isFalse();
        assertThat(embeddings.path("baseUrl").isNull()).isTrue();
        for (String real : List.of("openai", "anthropic", "google", "deepseek", "qwen", "doubao")) {
            assertThat(byId(providers, real).path("enabled").asBoolean())
                    .as(real)
                    .isFalse();
        }
    }

    @Test
    void the_shared_model_name_is_served_by_two_simulated_providers_with_prices() {
        Response models = alice.get("/api/v1/models?name=sim-chat");

        assertThat(models.status()).isEqualTo(200);
        assertThat(models.json().valueStream().map(m -> m.path("providerId").asString()))
                .containsExactly("sim-fast", "sim-mid");
        models.json().valueStream().forEach(m -> {
            assertThat(m.path("simulated").asBoolean()).isTrue();
            assertThat(m.path("available").asBoolean()).isTrue();
            assertThat(m.path("currentPrice").path("currency").asString()).isEqualTo("USD");
        });
        JsonNode minilm =
                admin.get("/api/v1/models?provider=local-embeddings").json().get(0);
        assertThat(minilm.path("modelName").asString()).isEqualTo("minilm");
        assertThat(minilm.path("capabilities").valueStream().map(JsonNode::asString))
                .containsExactly("embeddings");
        assertThat(catalog.deploymentsNamed("gpt-4o-mini")).hasSize(1);
    }

    @Test
    void a_provider_api_key_is_stored_encrypted_and_never_returned() {
        String id = "it-" + suffix;
        String key = "sk-upstream-FIRST-" + suffix;
        String replacement = "sk-upstream-SECOND-" + suffix;

        Response created = admin.post("/api/v1/providers", provider(id, key));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("hasApiKey").asBoolean()).isTrue();
        assertThat(created.json().has("apiKey")).isFalse();

        Response updated = admin.put("/api/v1/providers/" + id, provider(id, null));
        Response replaced = admin.put("/api/v1/providers/" + id + "/api-key", Map.of("apiKey", replacement));
        Response enabled = admin.post("/api/v1/providers/" + id + "/enable", Map.of());
        for (Response r : List.of(
                created,
                updated,
                replaced,
                enabled,
                admin.get("/api/v1/providers/" + id),
                admin.get("/api/v1/providers"),
                admin.get("/v3/api-docs"))) {
            assertThat(r.body())
                    .doesNotContain(suffix + "-x")
                    .doesNotContain(key)
                    .doesNotContain(replacement);
        }
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();

        String stored = jdbc.sql("SELECT api_key_sealed FROM provider WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("sk-upstream");
        assertThat(catalog.upstreamApiKey(ProviderId.of(id))).contains(replacement);

        Response cleared = admin.delete("/api/v1/providers/" + id + "/api-key");
        assertThat(cleared.json().path("hasApiKey").asBoolean()).isFalse();
        assertThat(catalog.upstreamApiKey(ProviderId.of(id))).isEmpty();
    }

    @Test
    void invalid_providers_are_400_with_the_offending_field() {
        Response missing = admin.post("/api/v1/providers", Map.of("id", "x-" + suffix));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains("displayName", "protocol", "region", "jurisdiction");

        assertThat(fieldOf(admin.post("/api/v1/providers", provider("Not A Slug", null))))
                .isEqualTo("id");
        Map<String, Object> wrongQuirks = provider("q-" + suffix, null);
        wrongQuirks.put("protocol", "ANTHROPIC");
        assertThat(fieldOf(admin.post("/api/v1/providers", wrongQuirks))).isEqualTo("quirks");
        Map<String, Object> ftp = provider("f-" + suffix, null);
        ftp.put("baseUrl", "ftp://example.com");
        assertThat(fieldOf(admin.post("/api/v1/providers", ftp))).isEqualTo("baseUrl");
        Map<String, Object> unknownProtocol = provider("u-" + suffix, null);
        unknownProtocol.put("protocol", "SMOKE_SIGNALS");
        assertThat(fieldOf(admin.post("/api/v1/providers", unknownProtocol))).isEqualTo("protocol");
        assertThat(admin.put("/api/v1/providers/sim-fast/api-key", Map.of("apiKey", " "))
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/providers").body()).doesNotContain("q-" + suffix);
    }

    @Test
    void a_provider_id_is_taken_once() {
        assertThat(admin.post("/api/v1/providers", provider("d-" + suffix, null))
                        .status())
                .isEqualTo(201);

        Response again = admin.post("/api/v1/providers", provider("d-" + suffix, null));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:switchboard:problem:conflict");
    }

    @Test
    void unknown_providers_and_models_are_404() {
        assertThat(admin.get("/api/v1/providers/nope-" + suffix).status()).isEqualTo(404);
        assertThat(admin.put("/api/v1/providers/nope-" + suffix, provider("nope-" + suffix, null))
                        .status())
                .isEqualTo(404);
        assertThat(admin.post("/api/v1/providers/nope-" + suffix + "/disable", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/models/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/models/" + UUID.randomUUID() + "/prices").status())
                .isEqualTo(404);
    }

    @Test
    void everyone_signed_in_reads_the_catalog_only_admins_change_it() {
        assertThat(alice.get("/api/v1/providers/openai").status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/models").status()).isEqualTo(200);

        assertThat(alice.post("/api/v1/providers", provider("a-" + suffix, null))
                        .status())
                .isEqualTo(403);
        assertThat(alice.put("/api/v1/providers/openai/api-key", Map.of("apiKey", "sk-x"))
                        .status())
                .isEqualTo(403);
        assertThat(alice.post("/api/v1/providers/openai/enable", Map.of()).status())
                .isEqualTo(403);
        assertThat(alice.post("/api/v1/models", deployment("openai", "x-" + suffix))
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/providers/openai").json().path("enabled").asBoolean())
                .isFalse();
        assertThat(ApiClient.withAuthorization(port, null)
                        .get("/api/v1/providers")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void deployments_are_created_updated_and_validated() {
        String providerId = "dep-" + suffix;
        admin.post("/api/v1/providers", provider(providerId, null));

        Response created = admin.post("/api/v1/models", deployment(providerId, "model-" + suffix));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("upstreamModelId")).isEqualTo("org/model-" + suffix);
        assertThat(created.json().path("weight").asInt()).isEqualTo(100);
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.json().path("available").asBoolean())
                .as("provider disabled")
                .isFalse();
        assertThat(created.json().path("currentPrice").isNull()).isTrue();

        Response updated = admin.put(
                "/api/v1/models/" + id,
                Map.of(
                        "upstreamModelId",
                        "ep-20261128-abc",
                        "tier",
                        "frontier",
                        "capabilities",
                        List.of("tools", "vision", "json", "streaming"),
                        "contextWindowTokens",
                        128000,
                        "maxOutputTokens",
                        8192,
                        "weight",
                        7,
                        "enabled",
                        false));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text("tier")).isEqualTo("frontier");
        assertThat(updated.json().path("capabilities").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("tools", "vision", "json", "streaming");
        assertThat(catalog.deployment(DeploymentId.of(id)).upstreamModelId()).isEqualTo("ep-20261128-abc");
        assertThat(admin.get("/api/v1/models/" + id).json().path("weight").asInt())
                .isEqualTo(7);

        assertThat(admin.post("/api/v1/models", deployment(providerId, "model-" + suffix))
                        .status())
                .isEqualTo(409);
        assertThat(fieldOf(admin.post("/api/v1/models", deployment("missing-" + suffix, "m"))))
                .isEqualTo("providerId");
        assertThat(fieldOf(admin.post("/api/v1/models", deployment(providerId, "tier:frontier"))))
                .isEqualTo("modelName");
        Map<String, Object> tooLong = new HashMap<>(deployment(providerId, "long-" + suffix));
        tooLong.put("maxOutputTokens", 40000);
        assertThat(fieldOf(admin.post("/api/v1/models", tooLong))).isEqualTo("maxOutputTokens");
        Map<String, Object> badCapability = new HashMap<>(deployment(providerId, "cap-" + suffix));
        badCapability.put("capabilities", List.of("telepathy"));
        assertThat(fieldOf(admin.post("/api/v1/models", badCapability))).isEqualTo("capabilities");
    }

    private static String fieldOf(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }
}

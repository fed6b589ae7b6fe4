package dev.switchboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the local upstream the way an admin would, over the REST API with the master key: a
 * provider, one deployment ({@value #MODEL}) with a price, and a consumer key charged to a team and a
 * project under it. The team's department gets a markup and a routing policy, so every gateway call
 * walks the org tree for both, as calls from real departments do.
 */
final class BenchSetup {

    static final String PROVIDER = "bench-upstream";
    static final String MODEL = "bench-chat";
    static final String UPSTREAM_MODEL = "bench-model";
    /** The upstream's credential: stored sealed in the catalog, opened for each call. */
    static final String UPSTREAM_KEY = "sk-bench-upstream-0123456789";

    /** What the benchmark needs from the set-up. */
    record Registered(String consumerKey, UUID consumerKeyId, UUID orgUnitId) {}

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI base;
    private final String masterKey;

    BenchSetup(URI base, String masterKey) {
        this.base = base;
        this.masterKey = masterKey;
    }

    Registered register(URI upstreamBaseUrl) {
        post(
                "/api/v1/providers",
                Map.of(
                        "id",
                        PROVIDER,
                        "displayName",
                        "Bench upstream (local, zero latency)",
                        "protocol",
                        "OPENAI_COMPATIBLE",
                        "quirks",
                        "VLLM",
                        "baseUrl",
                        upstreamBaseUrl.toString(),
                        "region",
                        "local",
                        "jurisdiction",
                        "self-hosted",
                        "apiKey",
                        UPSTREAM_KEY,
                        "enabled",
                        true));
        JsonNode deployment = post(
                "/api/v1/models",
                Map.of(
                        "providerId",
                        PROVIDER,
                        "modelName",
                        MODEL,
                        "upstreamModelId",
                        UPSTREAM_MODEL,
                        "tier",
                        "economy",
                        "capabilities",
                        List.of("STREAMING", "JSON"),
                        "contextWindowTokens",
                        128_000,
                        "maxOutputTokens",
                        4_096));
        post(
                "/api/v1/models/" + deployment.path("id").asString() + "/prices",
                Map.of(
                        "inputMicrosPerMTok", 150_000,
                        "outputMicrosPerMTok", 600_000,
                        "cachedInputMicrosPerMTok", 75_000,
                        "currency", "USD",
                        "source", "benchmark fixture"));

        JsonNode team = unit("Content").or(() -> unit("IT")).orElseGet(() -> company());
        UUID teamId = UUID.fromString(team.path("id").asString());
        JsonNode project =
                post("/api/v1/org-units", Map.of("kind", "PROJECT", "parentId", teamId, "name", "Bench load"));
        String department = team.path("parentId").isNull()
                ? teamId.toString()
                : team.path("parentId").asString();
        put("/api/v1/markups/" + department, Map.of("markupBasisPoints", 1_500));
        put("/api/v1/policies/" + department, Map.of("allowedProviders", List.of(PROVIDER, "sim-fast", "sim-mid")));

        JsonNode key = post(
                "/api/v1/keys",
                Map.of("orgUnitId", teamId, "projectId", project.path("id").asString(), "name", "gateway benchmark"));
        return new Registered(
                key.path("secret").asString(),
                UUID.fromString(key.path("key").path("id").asString()),
                teamId);
    }

    private java.util.Optional<JsonNode> unit(String name) {
        return get("/api/v1/org-units")
                .valueStream()
                .filter(u -> u.path("name").asString().equals(name))
                .findFirst();
    }

    private JsonNode company() {
        return get("/api/v1/org-units")
                .valueStream()
                .filter(u -> u.path("parentId").isNull())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the organisation has no company node"));
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    private JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(jsonBody(body)), path);
    }

    private JsonNode put(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(jsonBody(body)), path);
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    }

    private JsonNode send(HttpRequest.Builder builder, String path) {
        HttpRequest request = builder.header("Authorization", "Bearer " + masterKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("set-up call " + request.method() + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("set-up call " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during set-up", e);
        }
    }
}

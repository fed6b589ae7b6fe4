package dev.switchboard.prompt;

import dev.switchboard.testsupport.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the prompt ITs: demo users, org units, a small template, YAML over HTTP. */
final class PromptFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private PromptFixture() {}

    static ApiClient alice(int port) {
        return ApiClient.as(port, "alice", "alice-demo-pass");
    }

    static ApiClient bob(int port) {
        return ApiClient.as(port, "bob", "bob-demo-pass");
    }

    static ApiClient carol(int port) {
        return ApiClient.as(port, "carol", "carol-demo-pass");
    }

    static UUID unit(int port, String name) {
        for (JsonNode unit : ApiClient.asMaster(port).get("/api/v1/org-units").json()) {
            if (unit.path("name").asString().equals(name)
                    && unit.path("kind").asString().equals("DEPARTMENT")) {
                return UUID.fromString(unit.path("id").asString());
            }
        }
        throw new AssertionError("no department " + name);
    }

    /** A unique key per test, so tests never collide in the shared test database. */
    static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> template(String key, String userContent) {
        return Map.of(
                "key", key,
                "name", "Greeting " + key,
                "tags", java.util.List.of("greeting", "test"),
                "model", Map.of("model", "sim-chat", "maxTokens", 200),
                "variables",
                        java.util.List.of(
                                Map.of("name", "who", "type", "text", "description", "who to greet"),
                                Map.of(
                                        "name",
                                        "tone",
                                        "type",
                                        "enum",
                                        "options",
                                        java.util.List.of("warm", "formal"),
                                        "default",
                                        "warm")),
                "messages",
                        java.util.List.of(
                                Map.of("role", "system", "content", "You write short greetings."),
                                Map.of("role", "user", "content", userContent)));
    }

    /** Raw YAML over HTTP (the API client speaks JSON only). */
    record YamlResponse(int status, String body, String contentType) {}

    static YamlResponse sendYaml(int port, String user, String password, String method, String path, String yaml) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header(
                        "Accept",
                        yaml == null
                                ? "application/yaml, application/problem+json"
                                : "application/json, application/problem+json");
        request = yaml == null
                ? request.GET()
                : request.header("Content-Type", "application/yaml")
                        .method(method, HttpRequest.BodyPublishers.ofString(yaml));
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new YamlResponse(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

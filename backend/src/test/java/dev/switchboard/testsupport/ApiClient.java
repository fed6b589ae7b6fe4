package dev.switchboard.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the test server: the way an outside integration sees the REST API. */
public final class ApiClient {

    public static final String MASTER_KEY = "test-master-key-0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static ApiClient asMaster(int port) {
        return new ApiClient("http://localhost:" + port, "Bearer " + MASTER_KEY);
    }

    public static ApiClient as(int port, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient("http://localhost:" + port, "Basic " + basic);
    }

    public static ApiClient withAuthorization(int port, String authorization) {
        return new ApiClient("http://localhost:" + port, authorization);
    }

    /** A response: status, parsed JSON body (or null) and the raw body. */
    public record Response(int status, JsonNode json, String body, String contentType) {
        public String text(String field) {
            return json.path(field).asString();
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** A GET asking for another media type than JSON (e.g. Prometheus' text format). */
    public Response get(String path, String accept) {
        return exchange(HttpRequest.newBuilder(
                        request("GET", path, HttpRequest.BodyPublishers.noBody()),
                        (n, v) -> !n.equalsIgnoreCase("Accept"))
                .header("Accept", accept)
                .build());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends raw text as the JSON body (for malformed input). */
    public Response postRaw(String path, String rawJson) {
        return exchange(request("POST", path, HttpRequest.BodyPublishers.ofString(rawJson)));
    }

    private Response send(String method, String path, Object body) {
        var publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return exchange(request(method, path, publisher));
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher publisher) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, publisher)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.missingNode() : parse(body);
            return new Response(
                    response.statusCode(),
                    json,
                    body,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }
}

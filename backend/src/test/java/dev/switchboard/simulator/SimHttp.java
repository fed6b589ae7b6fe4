package dev.switchboard.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the simulated providers, with the JDK client, as an adapter calls them. */
final class SimHttp {

    static final String[] OPENAI_KEY = {"Authorization", "Bearer sk-simulated-test"};
    static final String[] ANTHROPIC_KEY = {"x-api-key", "sk-ant-simulated-test", "anthropic-version", "2023-06-01"};
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int port;

    SimHttp(int port) {
        this.port = port;
    }

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A streamed answer: its lines as they came, and the failure that ended it early, if any. */
    record Streamed(int status, HttpHeaders headers, List<String> lines, IOException failure) {
        /** The JSON of every {@code data:} line except {@code [DONE]}. */
        List<JsonNode> data() {
            return lines.stream()
                    .filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]"))
                    .map(l -> JSON.readTree(l.substring(6)))
                    .toList();
        }

        List<String> eventNames() {
            return lines.stream()
                    .filter(l -> l.startsWith("event: "))
                    .map(l -> l.substring(7))
                    .toList();
        }

        boolean done() {
            return lines.contains("data: [DONE]");
        }
    }

    Reply post(String path, Object body, String... headers) {
        return send(request(path, body, headers).build());
    }

    Reply postRaw(String path, String raw, String... headers) {
        return send(builder(path, headers)
                .POST(HttpRequest.BodyPublishers.ofString(raw))
                .build());
    }

    Reply get(String path, String... headers) {
        return send(builder(path, headers).GET().build());
    }

    /** A POST that gives up after {@code timeout}; throws what the client throws. */
    Reply postWithTimeout(String path, Object body, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        HttpRequest request = request(path, body, headers).timeout(timeout).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    Streamed stream(String path, Object body, String... headers) {
        try {
            HttpResponse<InputStream> response =
                    HTTP.send(request(path, body, headers).build(), HttpResponse.BodyHandlers.ofInputStream());
            List<String> lines = new ArrayList<>();
            IOException failure = null;
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                failure = e;
            }
            return new Streamed(response.statusCode(), response.headers(), lines, failure);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, Object body, String... headers) {
        return builder(path, headers).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    static HttpClient client() {
        return HTTP;
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Concatenates header arrays ({@code with(OPENAI_KEY, "x-sim-fault", "429")}). */
    static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}

package dev.switchboard.gateway.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A gateway consumer over real HTTP: what an OpenAI or Anthropic SDK would send and read. */
final class GatewayClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String key;

    GatewayClient(int port, String key) {
        this.port = port;
        this.key = key;
    }

    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A streamed reply: its status, headers, non-blank lines and when each arrived ({@link System#nanoTime}). */
    record Stream(int status, HttpResponse<?> raw, List<String> lines, List<Long> arrivals) {
        List<JsonNode> data() {
            return lines.stream()
                    .filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]"))
                    .map(l -> JSON.readTree(l.substring(6)))
                    .toList();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** When each line matching {@code line} arrived, in order. */
        List<Long> arrivalsOf(Predicate<String> line) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (line.test(lines.get(i))) {
                    times.add(arrivals.get(i));
                }
            }
            return times;
        }

        /** Milliseconds between the first and the last line matching {@code line}. */
        long spreadMillis(Predicate<String> line) {
            List<Long> times = arrivalsOf(line);
            return (times.getLast() - times.getFirst()) / 1_000_000;
        }
    }

    Reply post(String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(request(path, body).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        try {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET();
            if (key != null) {
                builder.header("Authorization", "Bearer " + key);
            }
            HttpResponse<String> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads up to {@code maxLines} SSE lines, then closes the connection (a client going away). */
    Stream stream(String path, String body, int maxLines) {
        try {
            HttpResponse<java.io.InputStream> r =
                    HTTP.send(request(path, body).build(), HttpResponse.BodyHandlers.ofInputStream());
            List<String> lines = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while (lines.size() < maxLines && (line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                        arrivals.add(System.nanoTime());
                    }
                }
            } catch (IOException cut) {
                lines.add("(connection closed: " + cut.getMessage() + ")");
                arrivals.add(System.nanoTime());
            }
            return new Stream(r.statusCode(), r, lines, arrivals);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String body) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }
}

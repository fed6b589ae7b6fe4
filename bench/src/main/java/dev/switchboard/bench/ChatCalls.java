package dev.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The load generator's client: one JDK {@link HttpClient} (HTTP/1.1, keep-alive, virtual threads) for
 * the direct calls and the gateway calls alike, and the same request bodies, so the only difference
 * between a baseline and its gateway scenario is the gateway.
 */
final class ChatCalls implements AutoCloseable {

    /** The chat request of every scenario; {@code model} names the bench deployment on the gateway. */
    static final String CHAT = """
            {"model":"%s","max_tokens":64,"messages":[{"role":"system","content":"You are terse."},\
            {"role":"user","content":"In one sentence: why do teams need budgets for model calls?"}]}""";

    static final String CHAT_STREAM = """
            {"model":"%s","max_tokens":64,"stream":true,"stream_options":{"include_usage":true},\
            "messages":[{"role":"system","content":"You are terse."},\
            {"role":"user","content":"In one sentence: why do teams need budgets for model calls?"}]}""";

    /**
     * How one request went: {@code firstTokenNanos} is the {@link System#nanoTime} of the first content
     * event (streams), {@code requestId} the gateway's {@code x-switchboard-request-id} (null direct).
     */
    record Outcome(boolean ok, long firstTokenNanos, String requestId, String failure) {
        static Outcome failed(String why) {
            return new Outcome(false, -1, null, why);
        }
    }

    /** One request of a scenario. */
    @FunctionalInterface
    interface Call {
        Outcome send() throws IOException, InterruptedException;
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();

    /** A non-streamed chat completion: 200 with choices is a success. */
    Call chat(URI endpoint, String bearer, String model) {
        HttpRequest request = request(endpoint, bearer, CHAT.formatted(model));
        return () -> {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() != 200 || !body.contains("\"choices\"")) {
                return Outcome.failed(response.statusCode() + " " + abbreviate(body));
            }
            return new Outcome(true, -1, requestId(response), null);
        };
    }

    /**
     * A streamed chat completion read to its end: 200, content events and {@code data: [DONE]} without
     * an error event is a success; the first content event's arrival is the time to first token.
     */
    Call chatStream(URI endpoint, String bearer, String model) {
        HttpRequest request = request(endpoint, bearer, CHAT_STREAM.formatted(model));
        return () -> {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    return Outcome.failed(response.statusCode() + " "
                            + abbreviate(String.join("", lines.lines().toList())));
                }
                long firstToken = -1;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("data: [DONE]")) {
                        // read to the end of the body: closing it early would cancel the exchange and
                        // close the connection, so every stream would pay for a new one
                        while (lines.readLine() != null) {
                            // the chunked body's end
                        }
                        return firstToken < 0
                                ? Outcome.failed("no content before [DONE]")
                                : new Outcome(true, firstToken, requestId(response), null);
                    }
                    if (line.startsWith("data: {\"error\"")) {
                        return Outcome.failed(abbreviate(line));
                    }
                    if (firstToken < 0 && line.startsWith("data: ") && line.contains("\"content\"")) {
                        firstToken = System.nanoTime();
                    }
                }
                return Outcome.failed("stream ended without [DONE]");
            }
        };
    }

    @Override
    public void close() {
        client.close();
        executor.close();
    }

    private static HttpRequest request(URI endpoint, String bearer, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("x-switchboard-request-id").orElse(null);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

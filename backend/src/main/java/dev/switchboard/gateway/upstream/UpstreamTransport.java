package dev.switchboard.gateway.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON over HTTP to one upstream, on the JDK's {@link HttpClient}: one client per adapter, driven by virtual
 * threads. The JDK client takes its connect timeout per client, not per request, so there is one client per
 * distinct connect timeout (in practice one or two).
 */
final class UpstreamTransport implements AutoCloseable {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final JsonMapper json;
    private final UpstreamErrors errors;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    UpstreamTransport(JsonMapper json, Clock clock) {
        this.json = json;
        this.errors = new UpstreamErrors(json, new RetryHints(clock));
    }

    JsonMapper json() {
        return json;
    }

    UpstreamErrors errors() {
        return errors;
    }

    /**
     * POSTs a JSON body and returns the JSON object answered. The read timeout bounds the whole exchange,
     * body included: the JDK's request timeout alone stops at the response headers.
     */
    ObjectNode postJson(UpstreamTarget target, URI uri, Map<String, String> headers, ObjectNode body) {
        HttpRequest request = request(target, uri, headers, body, "application/json");
        CompletableFuture<HttpResponse<byte[]>> pending = client(target).sendAsync(request, BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response = await(target, pending, target.readTimeout());
        if (response.statusCode() / 100 != 2) {
            throw errors.forStatus(target, response.statusCode(), response.headers(), response.body());
        }
        return parseObject(target, response.body());
    }

    /**
     * POSTs a JSON body asking for server-sent events. Returns once the response headers arrived with a 2xx
     * status; the read timeout bounds the wait for them and then every silence between two reads.
     */
    SseStream postForEvents(UpstreamTarget target, URI uri, Map<String, String> headers, ObjectNode body) {
        HttpRequest request = request(target, uri, headers, body, "text/event-stream");
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> pending =
                client(target).sendAsync(request, BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = await(target, pending, target.readTimeout());
        if (response.statusCode() / 100 != 2) {
            byte[] errorBody = readErrorBody(target, response.body());
            throw errors.forStatus(target, response.statusCode(), response.headers(), errorBody);
        }
        return new SseStream(response.body(), target.readTimeout());
    }

    /**
     * Runs a streamed call to its end: events go through the translator to the listener; returns the final
     * usage. Failures say whether the listener had already received a chunk.
     */
    Usage stream(
            UpstreamTarget target,
            URI uri,
            Map<String, String> headers,
            ObjectNode body,
            StreamTranslator translator,
            ChatStreamListener listener) {
        ChunkSink sink = new ChunkSink(listener);
        try (SseStream events = postForEvents(target, uri, headers, body)) {
            while (true) {
                SseEvent event;
                try {
                    event = events.next();
                } catch (SseStream.IdleTimeoutException e) {
                    throw errors.timeout(
                            target,
                            "stream went silent for " + target.readTimeout(),
                            sink.delivered(),
                            translator.usage());
                } catch (IOException e) {
                    throw errors.streamCut(
                            target, "stream broke: " + e.getMessage(), e, sink.delivered(), translator.usage());
                }
                if (event == null) {
                    if (translator.completeWithoutEndMarker()) {
                        sink.flush();
                        return translator.usage();
                    }
                    throw errors.streamCut(
                            target,
                            "stream ended before " + translator.endMarker(),
                            null,
                            sink.delivered(),
                            translator.usage());
                }
                boolean done;
                try {
                    done = translator.onEvent(event, sink);
                } catch (JacksonException e) {
                    throw errors.malformed(
                            target, "unparseable stream event: " + e.getOriginalMessage(), e, sink.delivered());
                }
                if (done) {
                    sink.flush();
                    return translator.usage();
                }
                if (!events.buffered()) {
                    listener.onCaughtUp();
                }
            }
        }
    }

    /** Parses a JSON object, or fails as {@code MALFORMED}. */
    ObjectNode parseObject(UpstreamTarget target, byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            throw errors.malformed(target, "response is not JSON: " + abbreviate(body), e, false);
        }
        throw errors.malformed(target, "response is not a JSON object: " + abbreviate(body), null, false);
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::close);
        executor.close();
    }

    private HttpClient client(UpstreamTarget target) {
        return clients.computeIfAbsent(
                target.connectTimeout(),
                timeout -> HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(executor)
                        .build());
    }

    private HttpRequest request(
            UpstreamTarget target, URI uri, Map<String, String> headers, ObjectNode body, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(target.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        // Plain-http upstreams are local servers (vLLM, Ollama): skip the h2c upgrade dance they don't speak.
        if ("http".equals(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(builder::header);
        target.quirks().extraHeaders().forEach(builder::setHeader);
        return builder.build();
    }

    private <T> HttpResponse<T> await(
            UpstreamTarget target, CompletableFuture<HttpResponse<T>> pending, Duration timeout) {
        try {
            return pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw errors.forTransport(target, new java.net.http.HttpTimeoutException("timed out"));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw errors.forTransport(target, new IOException("interrupted while waiting for the upstream", e));
        } catch (ExecutionException e) {
            throw errors.forTransport(target, unwrap(e.getCause()));
        }
    }

    private byte[] readErrorBody(UpstreamTarget target, Flow.Publisher<List<ByteBuffer>> body) {
        HttpResponse.BodySubscriber<byte[]> subscriber = BodySubscribers.ofByteArray();
        body.subscribe(subscriber);
        try {
            byte[] bytes = subscriber
                    .getBody()
                    .toCompletableFuture()
                    .get(target.readTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return bytes.length > MAX_ERROR_BODY ? java.util.Arrays.copyOf(bytes, MAX_ERROR_BODY) : bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        } catch (ExecutionException | TimeoutException e) {
            // The status says enough; a missing error body only costs the message.
            return new byte[0];
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        return body.length > 200 ? text + "..." : text;
    }
}

package dev.switchboard.gateway.upstream;

import dev.switchboard.platform.PooledHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON over HTTP/1.1 to one upstream, on {@link PooledHttp} clients: the exchange runs on the caller's thread
 * (a virtual thread), over pooled keep-alive connections. The JDK's HttpClient, used before, took a third of
 * the gateway benchmark's CPU samples in its selector thread and executor hand-offs.
 *
 * <p>The read timeout bounds every read (an upstream that stops sending fails after it) and, for a JSON
 * answer, the whole exchange, body included. The connect timeout belongs to a pool's connections, so there
 * is one pool per distinct connect timeout (in practice one or two).
 */
final class UpstreamTransport implements AutoCloseable {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** The most a complete stream may still send after its end marker before it is cut. */
    private static final int MAX_TAIL = 4 * 1024;

    private final JsonMapper json;
    private final UpstreamErrors errors;
    private final ConcurrentMap<Duration, CloseableHttpClient> clients = new ConcurrentHashMap<>();

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
     * POSTs a JSON body and returns the JSON object answered. The read timeout bounds the wait for the
     * answer and, checked between reads, the whole exchange: a body that trickles in does not keep it open.
     */
    ObjectNode postJson(UpstreamTarget target, URI uri, Map<String, String> headers, ObjectNode body) {
        long deadline = System.nanoTime() + target.readTimeout().toNanos();
        HttpPost request = request(target, uri, headers, body, "application/json");
        try (ClassicHttpResponse response = client(target).executeOpen(null, request, null)) {
            int status = response.getCode();
            if (status / 100 != 2) {
                throw errors.forStatus(target, status, headers(response), errorBody(request, response));
            }
            return parseObject(target, readBefore(deadline, request, response.getEntity()));
        } catch (IOException e) {
            throw errors.forTransport(target, e);
        }
    }

    /**
     * POSTs a JSON body asking for server-sent events. Returns once the response headers arrived with a 2xx
     * status; the read timeout bounds the wait for them and then every silence between two reads.
     */
    SseStream postForEvents(UpstreamTarget target, URI uri, Map<String, String> headers, ObjectNode body) {
        HttpPost request = request(target, uri, headers, body, "text/event-stream");
        ClassicHttpResponse response;
        try {
            response = client(target).executeOpen(null, request, null);
        } catch (IOException e) {
            throw errors.forTransport(target, e);
        }
        try {
            int status = response.getCode();
            if (status / 100 != 2) {
                byte[] errorBody = errorBody(request, response);
                // a cancelled error body may fail to close: that must not hide the upstream's status
                close(request, response);
                throw errors.forStatus(target, status, headers(response), errorBody);
            }
            HttpEntity entity = response.getEntity();
            InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
            return new SseStream(content, target.readTimeout(), ending -> release(request, response, content, ending));
        } catch (IOException e) {
            release(request, response, null, SseStream.Ending.CUT);
            throw errors.forTransport(target, e);
        }
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
                    events.markComplete();
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
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private CloseableHttpClient client(UpstreamTarget target) {
        return clients.computeIfAbsent(target.connectTimeout(), PooledHttp::client);
    }

    private HttpPost request(
            UpstreamTarget target, URI uri, Map<String, String> headers, ObjectNode body, String accept) {
        HttpPost request = new HttpPost(uri);
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(target.readTimeout()))
                .setConnectionRequestTimeout(Timeout.of(target.connectTimeout()))
                .build());
        request.setHeader("Accept", accept);
        headers.forEach(request::setHeader);
        target.quirks().extraHeaders().forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return request;
    }

    /**
     * Reads a whole body, giving up after the deadline: each read waits at most the read timeout, and a
     * body that trickles in fails at its first read past the deadline instead of keeping the call open.
     */
    private static byte[] readBefore(long deadline, HttpPost request, HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        boolean known = declared >= 0 && declared <= Integer.MAX_VALUE - 8;
        // a declared length sizes the buffer only up to 1 MiB: an upstream may declare more than it sends
        byte[] buffer = new byte[known ? (int) Math.min(declared, 1 << 20) : 8192];
        int size = 0;
        try (InputStream in = entity.getContent()) {
            while (true) {
                if (size == buffer.length) {
                    if (known && size == declared) {
                        break; // framed by Content-Length: the body ends here
                    }
                    buffer = Arrays.copyOf(
                            buffer, known ? (int) Math.min(declared, buffer.length * 2L) : buffer.length * 2);
                }
                int read = in.read(buffer, size, buffer.length - size);
                if (read < 0) {
                    break;
                }
                size += read;
                if (System.nanoTime() - deadline > 0) {
                    request.cancel();
                    throw new BodyTimeoutException();
                }
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /** The start of an error body; the rest is not read, and its connection is dropped instead. */
    private static byte[] errorBody(HttpPost request, ClassicHttpResponse response) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        try {
            InputStream in = entity.getContent();
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
            if (bytes.length == MAX_ERROR_BODY) {
                request.cancel();
            }
            return bytes;
        } catch (IOException e) {
            // The status says enough; a missing error body only costs the message.
            request.cancel();
            return new byte[0];
        }
    }

    /**
     * Ends an event stream. A finished one returns its connection to the pool. A complete one (its end
     * marker read, not yet the body's end: the chunked framing's last bytes) is read to its end by a
     * virtual thread, so that the connection is kept instead of every stream opening a new one (a TLS
     * handshake for real providers); more than {@link #MAX_TAIL} bytes, or no end within the read timeout,
     * and it is cut. An unwanted rest is cut at once (closing the body would read it to its end).
     */
    private static void release(
            HttpPost request, ClassicHttpResponse response, InputStream body, SseStream.Ending ending) {
        switch (ending) {
            case FINISHED -> close(request, response);
            case COMPLETE ->
                Thread.ofVirtual().name("upstream-stream-tail").start(() -> {
                    try {
                        if (body.skip(MAX_TAIL) >= MAX_TAIL && body.read() >= 0) {
                            request.cancel(); // not just framing: a misbehaving upstream
                        }
                    } catch (IOException e) {
                        request.cancel();
                    }
                    close(request, response);
                });
            case CUT -> {
                request.cancel();
                close(request, response);
            }
        }
    }

    private static void close(HttpPost request, ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            request.cancel();
        }
    }

    private static HttpHeaders headers(ClassicHttpResponse response) {
        Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            values.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(values, (name, value) -> true);
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return body.length > 200 ? text + "..." : text;
    }

    /** A JSON answer still arriving when its read timeout ran out. */
    static final class BodyTimeoutException extends InterruptedIOException {
        BodyTimeoutException() {
            super("the response body was still arriving when the read timeout ran out");
        }
    }
}

package dev.switchboard.gateway.upstream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider on a real loopback port, scripted per test: each request gets the next scripted reply and is
 * recorded (path, query, headers, JSON body) for assertions.
 */
final class FakeUpstream implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the fake received. */
    record Received(String method, String path, String query, Headers headers, JsonNode body, int clientPort) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One scripted answer. */
    @FunctionalInterface
    interface Reply {
        void send(HttpExchange exchange) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeUpstream start() {
        try {
            return new FakeUpstream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI baseUrl(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    FakeUpstream reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    /** The next request the fake received (waits briefly for it). */
    Received request() {
        try {
            Received next = received.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the fake upstream received no request");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int requestCount() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = body.length == 0 ? null : JSON.readTree(body);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    json,
                    exchange.getRemoteAddress().getPort()));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = json(500, "{\"error\":{\"message\":\"no reply scripted\"}}");
            }
            reply.send(exchange);
        } catch (Exception e) {
            // The client went away (timeouts, cuts): nothing to answer.
        }
    }

    // ---- replies

    static Reply json(int status, String body, String... headerPairs) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            for (int i = 0; i < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        };
    }

    static Reply text(int status, String contentType, String body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /**
     * A chunked event stream: strings are written and flushed as they are, durations are pauses. The body
     * then ends cleanly; whether it ended early is for the client to notice.
     */
    static Reply sse(Object... steps) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            writeSteps(out, steps);
        };
    }

    /** Promises more bytes than it sends, then hangs up: the client sees the connection break mid-body. */
    static Reply sseBrokenOff(Object... steps) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 1_000_000);
            writeSteps(exchange.getResponseBody(), steps);
            // closing a fixed-length body early aborts the connection
        };
    }

    /**
     * Sends the {@code start} of a JSON body it says is {@code declaredLength} long (0: chunked), then pauses
     * and ends: a fixed-length body short of its length is cut off, a chunked one finishes only after the
     * pause (never, within a test).
     */
    static Reply unfinished(int status, long declaredLength, String start, Duration pause) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, declaredLength);
            OutputStream out = exchange.getResponseBody();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(pause);
            // closing a body that has not had all its bytes aborts the connection
        };
    }

    static Reply after(Duration pause, Reply reply) {
        return exchange -> {
            Thread.sleep(pause);
            reply.send(exchange);
        };
    }

    private static void writeSteps(OutputStream out, Object... steps) throws Exception {
        for (Object step : steps) {
            if (step instanceof Duration pause) {
                Thread.sleep(pause);
            } else {
                out.write(step.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** {@code data: <json>\n\n}; a JSON text over several lines becomes several {@code data:} lines. */
    static String data(String json) {
        return "data: " + json.replace("\n", "\ndata: ") + "\n\n";
    }

    /** {@code event: <name>\ndata: <json>\n\n} */
    static String event(String name, String json) {
        return "event: " + name + "\n" + data(json);
    }
}

package dev.switchboard.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A zero-latency OpenAI-compatible upstream: {@code POST /v1/chat/completions} answered at once with a
 * canned completion (with usage), or with a canned stream of SSE chunks (a usage chunk when asked,
 * then {@code [DONE]}), flushed event by event as a real provider does. It does the least work an
 * upstream can do, so what the gateway adds on top of it is what the benchmark sees.
 *
 * <p>It runs on the JDK's HTTP server with a virtual thread per exchange, separate from the
 * application's Tomcat, so the direct baseline and the gateway's upstream leg hit the very same server.
 */
final class LocalUpstream implements AutoCloseable {

    /** What the canned answers report; the ledger rows of gateway calls carry these counts. */
    static final int PROMPT_TOKENS = 24;

    static final int COMPLETION_TOKENS = 12;

    private static final String[] WORDS = {
        "Budgets", " keep", " every", " team", " honest", ":", " spend", " is", " measured", ",", " not", " guessed."
    };

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final byte[] completion;
    private final List<byte[]> streamEvents;
    private final byte[] usageEvent;
    private final AtomicLong served = new AtomicLong();

    private LocalUpstream(HttpServer server) {
        this.server = server;
        this.completion = completion().getBytes(StandardCharsets.UTF_8);
        this.streamEvents = streamEvents();
        this.usageEvent =
                event("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764300000,"
                        + "\"model\":\"bench-model\",\"choices\":[]," + usageJson() + "}");
    }

    static LocalUpstream start() throws IOException {
        // Set before the JDK server class reads them: small writes must not wait for delayed ACKs
        // (Nagle), and the idle keep-alive pool must hold every connection the load keeps open.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        LocalUpstream upstream = new LocalUpstream(server);
        server.setExecutor(upstream.executor);
        server.createContext("/v1/chat/completions", upstream::chat);
        server.start();
        return upstream;
    }

    /** The base URL an OpenAI-compatible client appends {@code /chat/completions} to. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    long served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String request = new String(body, StandardCharsets.UTF_8);
            // Both clients send compact JSON (the gateway writes it with Jackson): a substring test is
            // enough here and keeps the upstream's own cost out of the comparison.
            if (request.contains("\"stream\":true")) {
                stream(exchange, request.contains("\"include_usage\":true"));
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, completion.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(completion);
                }
            }
            served.incrementAndGet();
        }
    }

    private void stream(HttpExchange exchange, boolean includeUsage) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte[] event : streamEvents) {
                out.write(event);
                out.flush();
            }
            if (includeUsage) {
                out.write(usageEvent);
                out.flush();
            }
            out.write(event("[DONE]"));
        }
    }

    private static String completion() {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1764300000,"
                + "\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + String.join("", WORDS) + "\"},\"finish_reason\":\"stop\"}]," + usageJson()
                + "}";
    }

    private static List<byte[]> streamEvents() {
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            String delta = i == 0
                    ? "{\"role\":\"assistant\",\"content\":\"" + WORDS[i] + "\"}"
                    : "{\"content\":\"" + WORDS[i] + "\"}";
            events.add(event(chunk(delta, "null")));
        }
        events.add(event(chunk("{}", "\"stop\"")));
        return List.copyOf(events);
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764300000,"
                + "\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]}";
    }

    private static String usageJson() {
        return "\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + COMPLETION_TOKENS
                + ",\"total_tokens\":" + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}";
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}

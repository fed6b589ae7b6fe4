package dev.switchboard.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A zero-latency OpenAI-compatible upstream: {@code POST /v1/chat/completions} answered at once with a
 * canned completion (with usage), or with a canned stream of SSE chunks (a usage chunk when asked,
 * then {@code [DONE]}), flushed event by event as a real provider does. It does the least work an
 * upstream can do, so what the gateway adds on top of it is what the benchmark sees.
 *
 * <p>It speaks just enough HTTP/1.1 for its two clients (the load generator and the gateway, both
 * sending bodies with a Content-Length over kept-alive connections): one virtual thread per connection
 * reads requests and writes answers, with no dispatcher thread handing exchanges over (the JDK's HTTP
 * server, used before, cost more CPU per exchange than the gateway's own routing). The direct baseline
 * and the gateway's upstream leg hit the very same server.
 */
final class LocalUpstream implements AutoCloseable {

    /** What the canned answers report; the ledger rows of gateway calls carry these counts. */
    static final int PROMPT_TOKENS = 24;

    static final int COMPLETION_TOKENS = 12;

    private static final String[] WORDS = {
        "Budgets", " keep", " every", " team", " honest", ":", " spend", " is", " measured", ",", " not", " guessed."
    };

    private static final byte[] CRLF = {'\r', '\n'};

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final byte[] completionHead;
    private final byte[] completion;
    private final byte[] streamHead;
    private final List<byte[]> streamEvents;
    private final byte[] usageEvent;
    private final byte[] doneEvent;
    private final AtomicLong served = new AtomicLong();

    private LocalUpstream(ServerSocket server) {
        this.server = server;
        this.completion = completion().getBytes(StandardCharsets.UTF_8);
        this.completionHead = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + completion.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.streamHead = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.streamEvents = streamEvents();
        this.usageEvent =
                event("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764300000,"
                        + "\"model\":\"bench-model\",\"choices\":[]," + usageJson() + "}");
        this.doneEvent = event("[DONE]");
    }

    static LocalUpstream start() throws IOException {
        LocalUpstream upstream = new LocalUpstream(new ServerSocket(0, 4096, InetAddress.getLoopbackAddress()));
        upstream.threads.submit(upstream::accept);
        return upstream;
    }

    /** The base URL an OpenAI-compatible client appends {@code /chat/completions} to. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
    }

    long served() {
        return served.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(LocalUpstream::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                threads.submit(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers the requests of one kept-alive connection until the client closes it. */
    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true); // small writes must not wait for delayed ACKs
            InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 16 * 1024);
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                long length = 0;
                boolean close = false;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    String name = colon < 0
                            ? header
                            : header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    String value = colon < 0 ? "" : header.substring(colon + 1).strip();
                    if (name.equals("content-length")) {
                        length = Long.parseLong(value);
                    } else if (name.equals("connection")) {
                        close = value.equalsIgnoreCase("close");
                    }
                }
                String request = new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
                if (!requestLine.startsWith("POST /v1/chat/completions ")) {
                    out.write(
                            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (request.contains("\"stream\":true")) {
                    // Both clients send compact JSON (the gateway writes it with Jackson): a substring test
                    // is enough here and keeps the upstream's own cost out of the comparison.
                    stream(out, request.contains("\"include_usage\":true"));
                    served.incrementAndGet();
                } else {
                    out.write(completionHead);
                    out.write(completion);
                    served.incrementAndGet();
                }
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(connection);
        }
    }

    private void stream(OutputStream out, boolean includeUsage) throws IOException {
        out.write(streamHead);
        for (byte[] event : streamEvents) {
            chunk(out, event);
            out.flush();
        }
        if (includeUsage) {
            chunk(out, usageEvent);
            out.flush();
        }
        chunk(out, doneEvent);
        out.write('0');
        out.write(CRLF);
        out.write(CRLF);
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write(Integer.toHexString(data.length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(data);
        out.write(CRLF);
    }

    /** One header line without its line end (ISO-8859-1), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
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

package dev.switchboard.bench;

import dev.switchboard.platform.PooledHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The load generator's client: one {@link PooledHttp} client (HTTP/1.1 keep-alive, each call
 * on its own virtual thread, as the gateway's upstream leg) for the direct calls and the gateway calls
 * alike, and the same request bodies, so the only difference between a baseline and its gateway
 * scenario is the gateway.
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

    private final CloseableHttpClient client = PooledHttp.client(Duration.ofSeconds(5));

    /** A non-streamed chat completion: 200 with choices is a success. */
    Call chat(URI endpoint, String bearer, String model) {
        String body = CHAT.formatted(model);
        return () -> {
            try (ClassicHttpResponse response = client.executeOpen(null, request(endpoint, bearer, body), null)) {
                String answer = new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
                if (response.getCode() != 200 || !answer.contains("\"choices\"")) {
                    return Outcome.failed(response.getCode() + " " + abbreviate(answer));
                }
                return new Outcome(true, -1, requestId(response), null);
            }
        };
    }

    /**
     * A streamed chat completion read to its end: 200, content events and {@code data: [DONE]} without
     * an error event is a success; the first content event's arrival is the time to first token.
     */
    Call chatStream(URI endpoint, String bearer, String model) {
        String body = CHAT_STREAM.formatted(model);
        return () -> {
            try (ClassicHttpResponse response = client.executeOpen(null, request(endpoint, bearer, body), null);
                    InputStream in = response.getEntity().getContent()) {
                Lines lines = new Lines(in);
                if (response.getCode() != 200) {
                    StringBuilder answer = new StringBuilder();
                    for (String line = lines.next(); line != null; line = lines.next()) {
                        answer.append(line);
                    }
                    return Outcome.failed(response.getCode() + " " + abbreviate(answer.toString()));
                }
                long firstToken = -1;
                for (String line = lines.next(); line != null; line = lines.next()) {
                    if (line.equals("data: [DONE]")) {
                        // read to the end of the body, so that its connection goes back to the pool
                        while (lines.next() != null) {
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
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpPost request(URI endpoint, String bearer, String body) {
        HttpPost request = new HttpPost(endpoint);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        if (bearer != null) {
            request.setHeader("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private static String requestId(ClassicHttpResponse response) {
        Header header = response.getFirstHeader("x-switchboard-request-id");
        return header == null ? null : header.getValue();
    }

    /**
     * The lines of a UTF-8 body, without their line ends. Reads the (already buffered) entity stream a
     * byte at a time into a small array: a reader per call would allocate 24 KB of buffers, and the
     * load generator's garbage would bring on collections that pause the gateway sharing its heap.
     */
    private static final class Lines {
        private final InputStream in;
        private byte[] line = new byte[256];

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line, or {@code null} at the end of the body. */
        String next() throws IOException {
            int size = 0;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (size == line.length) {
                    line = Arrays.copyOf(line, size * 2);
                }
                line[size++] = (byte) b;
            }
            if (b < 0 && size == 0) {
                return null;
            }
            if (size > 0 && line[size - 1] == '\r') {
                size--;
            }
            return new String(line, 0, size, StandardCharsets.UTF_8);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

package dev.switchboard.gateway.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Server-sent events read from an HTTP response body, as the HTML standard's event-stream parser does: lines
 * end in CR, LF or CRLF; {@code data:} lines accumulate (joined by LF) until a blank line dispatches the
 * event; {@code event:} names it; lines starting with {@code :} are comments (keep-alives); an unfinished
 * event at the end of the body is dropped.
 *
 * <p>The body is read on the caller's thread, one buffer at a time, so a slow caller slows the upstream down
 * instead of filling memory. Every read waits at most the connection's read timeout ({@code idleTimeout}),
 * keep-alive comments included, which is how a stalled upstream is told from a slow one without a watchdog.
 */
final class SseStream implements AutoCloseable {

    /** No bytes arrived within the idle timeout. */
    static final class IdleTimeoutException extends IOException {
        IdleTimeoutException(Duration idle, Throwable cause) {
            super("no data for " + idle, cause);
        }
    }

    /**
     * What ends the exchange: {@code FINISHED}, the body was read to its end; {@code COMPLETE}, the protocol's
     * end marker was read but not yet the end of the body (at most a few bytes of framing); {@code CUT}, the
     * rest is unwanted.
     */
    enum Ending {
        FINISHED,
        COMPLETE,
        CUT
    }

    /** What ends the exchange. */
    @FunctionalInterface
    interface Release {
        void release(Ending ending);
    }

    private final InputStream body;
    private final Duration idleTimeout;
    private final Release release;
    private final byte[] buffer = new byte[8192];
    private final Deque<String> lines = new ArrayDeque<>();
    private final ByteArrayOutputStream currentLine = new ByteArrayOutputStream();
    private boolean lastWasCr;
    private boolean ended;
    private boolean complete;
    private boolean closed;

    SseStream(InputStream body, Duration idleTimeout, Release release) {
        this.body = body;
        this.idleTimeout = idleTimeout;
        this.release = release;
    }

    /**
     * The next event, or {@code null} when the body ended.
     *
     * @throws IdleTimeoutException when the upstream went quiet for longer than the idle timeout
     * @throws IOException when the connection broke
     */
    SseEvent next() throws IOException {
        String name = null;
        StringBuilder data = null;
        while (true) {
            String line = nextLine();
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(name, data.toString());
                }
                name = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                case "event" -> name = value;
                default -> {
                    // id and retry matter for browser reconnects, not for one upstream call.
                }
            }
        }
    }

    /** Whether bytes already received hold more to read: the next {@link #next} will not wait. */
    boolean buffered() {
        if (!lines.isEmpty()) {
            return true;
        }
        try {
            return !ended && body.available() > 0;
        } catch (IOException e) {
            return false; // the next read reports it
        }
    }

    /** The caller read the protocol's end marker: what may follow is framing, not events. */
    void markComplete() {
        complete = true;
    }

    /** Stops reading; an unfinished body is cut, which closes its connection, unless it was complete. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        release.release(ended ? Ending.FINISHED : complete ? Ending.COMPLETE : Ending.CUT);
    }

    /** The body, for reading what is left of a complete stream. */
    InputStream body() {
        return body;
    }

    private String nextLine() throws IOException {
        while (lines.isEmpty()) {
            if (ended) {
                return null;
            }
            int read;
            try {
                read = body.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new IdleTimeoutException(idleTimeout, e);
            }
            if (read < 0) {
                ended = true;
            } else {
                split(buffer, read);
            }
        }
        return lines.poll();
    }

    // Splitting bytes (not chars) is safe: CR and LF never occur inside a UTF-8 multi-byte sequence.
    private void split(byte[] bytes, int length) {
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r') {
                lastWasCr = false;
                continue;
            }
            if (b == '\n' && lastWasCr && i == lineStart) {
                lastWasCr = false; // the LF of a CRLF
                lineStart = i + 1;
                continue;
            }
            currentLine.write(bytes, lineStart, i - lineStart);
            lines.add(currentLine.toString(StandardCharsets.UTF_8));
            currentLine.reset();
            lastWasCr = b == '\r';
            lineStart = i + 1;
        }
        currentLine.write(bytes, lineStart, length - lineStart);
    }
}

package dev.switchboard.gateway.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events read from an HTTP response body, as the HTML standard's event-stream parser does: lines
 * end in CR, LF or CRLF; {@code data:} lines accumulate (joined by LF) until a blank line dispatches the
 * event; {@code event:} names it; lines starting with {@code :} are comments (keep-alives); an unfinished
 * event at the end of the body is dropped.
 *
 * <p>The body arrives as a {@link Flow.Publisher} so that waiting has a bound: each read waits at most
 * {@code idleTimeout} for the next bytes (keep-alive comments count), which is how a stalled upstream is told
 * from a slow one without a watchdog thread. Bytes are requested one buffer at a time, so a slow caller slows
 * the upstream down instead of filling memory.
 */
final class SseStream implements AutoCloseable {

    /** No bytes arrived within the idle timeout. */
    static final class IdleTimeoutException extends IOException {
        IdleTimeoutException(Duration idle) {
            super("no data for " + idle);
        }
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final Duration idleTimeout;
    private final Deque<String> lines = new ArrayDeque<>();
    private final ByteArrayOutputStream currentLine = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private boolean lastWasCr;
    private boolean ended;
    private boolean closed;

    SseStream(Flow.Publisher<List<ByteBuffer>> body, Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                arrivals.add(item);
            }

            @Override
            public void onError(Throwable failure) {
                arrivals.add(failure);
            }

            @Override
            public void onComplete() {
                arrivals.add(END);
            }
        });
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
        return !lines.isEmpty() || !arrivals.isEmpty();
    }

    /** Stops reading; an unfinished body is cancelled, which closes its connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null && !ended) {
            s.cancel();
        }
    }

    private String nextLine() throws IOException {
        while (lines.isEmpty()) {
            if (ended) {
                return null;
            }
            Object arrival;
            try {
                arrival = arrivals.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the stream", e);
            }
            if (arrival == null) {
                throw new IdleTimeoutException(idleTimeout);
            }
            if (arrival == END) {
                ended = true;
            } else if (arrival instanceof Throwable failure) {
                ended = true;
                throw failure instanceof IOException io ? io : new IOException(failure);
            } else {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> buffers = (List<ByteBuffer>) arrival;
                buffers.forEach(this::split);
                subscription.request(1);
            }
        }
        return lines.poll();
    }

    // Splitting bytes (not chars) is safe: CR and LF never occur inside a UTF-8 multi-byte sequence.
    private void split(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            byte b = buffer.get();
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            if (b == '\n' || b == '\r') {
                lines.add(currentLine.toString(StandardCharsets.UTF_8));
                currentLine.reset();
                lastWasCr = b == '\r';
            } else {
                currentLine.write(b);
                lastWasCr = false;
            }
        }
    }
}

package dev.switchboard.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseStreamTest {

    /** Hands out the given pieces one read at a time, as a socket delivers segments. */
    static final class Pieces extends InputStream {
        private final Deque<byte[]> pieces = new ArrayDeque<>();
        private boolean timeOutAtEnd;

        Pieces(String... texts) {
            for (String text : texts) {
                pieces.add(text.getBytes(StandardCharsets.UTF_8));
            }
        }

        Pieces thenTimeOut() {
            timeOutAtEnd = true;
            return this;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("reads whole buffers");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            byte[] piece = pieces.poll();
            if (piece == null) {
                if (timeOutAtEnd) {
                    throw new SocketTimeoutException("Read timed out");
                }
                return -1;
            }
            System.arraycopy(piece, 0, buffer, offset, piece.length);
            return piece.length;
        }

        @Override
        public int available() {
            return pieces.isEmpty() ? 0 : pieces.peek().length;
        }
    }

    final List<SseStream.Ending> releases = new ArrayList<>();

    SseStream stream(InputStream body) {
        return new SseStream(body, Duration.ofSeconds(7), releases::add);
    }

    @Test
    void events_split_across_reads_and_crlf_line_ends_are_put_back_together() throws IOException {
        SseStream events = stream(new Pieces("da", "ta: {\"a\":1}\r", "\n\r\nevent: ping\r\ndata: x\ndata: y\n", "\n"));

        assertThat(events.next()).isEqualTo(new SseEvent(null, "{\"a\":1}"));
        assertThat(events.next()).isEqualTo(new SseEvent("ping", "x\ny"));
        assertThat(events.next()).isNull();
    }

    @Test
    void comments_are_skipped_and_an_unfinished_event_at_the_end_is_dropped() throws IOException {
        SseStream events = stream(new Pieces(": keep-alive\n\ndata: one\n\n", "data: unfinished\n"));

        assertThat(events.next()).isEqualTo(new SseEvent(null, "one"));
        assertThat(events.next()).isNull();
    }

    @Test
    void buffered_says_whether_the_next_event_is_already_here() throws IOException {
        SseStream events = stream(new Pieces("data: a\n\ndata: b\n\n", "data: c\n\n"));

        assertThat(events.next().data()).isEqualTo("a");
        assertThat(events.buffered()).as("b arrived with a").isTrue();
        assertThat(events.next().data()).isEqualTo("b");
        assertThat(events.buffered()).as("c is in the stream's next segment").isTrue();
        assertThat(events.next().data()).isEqualTo("c");
        assertThat(events.buffered()).isFalse();
    }

    @Test
    void a_read_that_times_out_is_an_idle_timeout() throws IOException {
        SseStream events = stream(new Pieces("data: a\n\n").thenTimeOut());

        assertThat(events.next().data()).isEqualTo("a");
        assertThatThrownBy(events::next)
                .isInstanceOf(SseStream.IdleTimeoutException.class)
                .hasMessageContaining("PT7S");
    }

    @Test
    void closing_says_how_far_the_body_was_read_and_releases_once() throws IOException {
        SseStream unfinished = stream(new Pieces("data: a\n\n", "data: b\n\n"));
        unfinished.next();
        unfinished.close();
        unfinished.close();

        SseStream complete = stream(new Pieces("data: [DONE]\n\n", ""));
        complete.next();
        complete.markComplete();
        complete.close();

        SseStream finished = stream(new Pieces("data: a\n\n"));
        finished.next();
        assertThat(finished.next()).isNull();
        finished.close();

        assertThat(releases)
                .containsExactly(SseStream.Ending.CUT, SseStream.Ending.COMPLETE, SseStream.Ending.FINISHED);
    }
}

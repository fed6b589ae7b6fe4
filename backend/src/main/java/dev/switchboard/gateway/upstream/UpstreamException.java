package dev.switchboard.gateway.upstream;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An upstream call failed. {@link #kind()} says how, {@link #retryable()} whether another attempt (here or at
 * another provider) may succeed, and {@link #beforeFirstByte()} whether the caller's client has seen nothing
 * yet, which is the only time a fallback is invisible to it.
 */
public final class UpstreamException extends RuntimeException {

    /** How an upstream call failed: a closed set the router switches over. */
    public sealed interface Kind
            permits RateLimited, ServerError, Timeout, Connection, ClientError, Malformed, StreamCut {

        /** Whether trying again, here or at another provider, may succeed. */
        boolean retryable();
    }

    /**
     * HTTP 429 (or a rate-limit error event). {@code retryAfter} comes from {@code Retry-After} (seconds or
     * HTTP-date), {@code retry-after-ms}, the exhausted window of Anthropic's {@code anthropic-ratelimit-*-reset}
     * or OpenAI's {@code x-ratelimit-reset-*} headers, or Gemini's {@code RetryInfo.retryDelay}.
     */
    public record RateLimited(Optional<Duration> retryAfter) implements Kind {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** HTTP 5xx, including Anthropic's 529 overloaded, or an error event of that kind mid-stream. */
    public record ServerError(int status) implements Kind {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** No response (non-streaming), no first event, or too long a silence between events (streaming). */
    public record Timeout() implements Kind {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The connection could not be made or broke before a response arrived. */
    public record Connection() implements Kind {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /**
     * The upstream refused the request itself (400 invalid request, 401/403 bad upstream key, 404 unknown
     * model, 413, ...), or the adapter refused it before calling because the protocol cannot express it.
     * Repeating it cannot help.
     */
    public record ClientError(int status, String upstreamMessage) implements Kind {
        public ClientError {
            upstreamMessage = upstreamMessage == null ? "" : upstreamMessage;
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** A success status with a body that is not the protocol's JSON. */
    public record Malformed() implements Kind {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The stream ended or broke before the protocol's end marker. */
    public record StreamCut() implements Kind {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    private final transient Kind kind;
    private final String providerId;
    private final boolean beforeFirstByte;
    private final transient Usage partialUsage;

    /** For callers that need to stand in for an upstream (router tests, simulated providers). */
    public UpstreamException(Kind kind, String providerId, boolean beforeFirstByte, String message) {
        this(kind, providerId, beforeFirstByte, message, null, null);
    }

    UpstreamException(Kind kind, String providerId, boolean beforeFirstByte, String message, Throwable cause) {
        this(kind, providerId, beforeFirstByte, message, cause, null);
    }

    UpstreamException(
            Kind kind,
            String providerId,
            boolean beforeFirstByte,
            String message,
            Throwable cause,
            Usage partialUsage) {
        super(providerId + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.providerId = providerId;
        this.beforeFirstByte = beforeFirstByte;
        this.partialUsage = partialUsage;
    }

    public Kind kind() {
        return kind;
    }

    public String providerId() {
        return providerId;
    }

    /** True when no chunk had reached the caller's listener yet (always true for non-streamed calls). */
    public boolean beforeFirstByte() {
        return beforeFirstByte;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /**
     * Usage the upstream had reported before a stream failed (e.g. Anthropic's input tokens from {@code
     * message_start}); empty when it had reported none.
     */
    public Optional<Usage> partialUsage() {
        return Optional.ofNullable(partialUsage);
    }
}

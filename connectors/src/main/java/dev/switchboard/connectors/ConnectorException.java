package dev.switchboard.connectors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A connector call that did not succeed, classified so the workflow engine can decide between retrying
 * the step (per its policy) and failing or branching at once.
 *
 * <p>Messages never contain secret values: they name fields, hosts and statuses.
 */
public class ConnectorException extends RuntimeException {

    /** Why the call failed; each kind has a fixed answer to "can a retry help?" except {@link #UPSTREAM}. */
    public enum Kind {
        /** The input does not fit the action's schema or names an unknown secret; a retry sends the same. */
        INVALID_INPUT,
        /** The egress policy refuses the destination; a retry would be refused again. */
        FORBIDDEN,
        /** No complete answer within the time allowed; the outside system may be slow for a moment. */
        TIMEOUT,
        /** The outside system failed or was unreachable (5xx, 429, connection error). */
        UPSTREAM,
        /**
         * The outside system refused the request (4xx other than 408/429, or another status the step does not
         * expect), or answered with something the connector cannot take (JSON over the size limit, a redirect
         * loop); the same request gets the same answer.
         */
        REJECTED
    }

    private final Kind kind;
    private final String field;
    private final Integer status;
    private final Duration retryAfter;

    private ConnectorException(
            Kind kind, String message, String field, Integer status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The input field at fault (a path such as {@code headers.Accept}), named first in the message. */
    public static ConnectorException invalidInput(String field, String problem) {
        return new ConnectorException(Kind.INVALID_INPUT, field + " " + problem, field, null, null, null);
    }

    /** The egress policy (or another rule of the connector) refuses the call. */
    public static ConnectorException forbidden(String message) {
        return new ConnectorException(Kind.FORBIDDEN, message, null, null, null, null);
    }

    /** The call took longer than allowed. */
    public static ConnectorException timeout(String message, Throwable cause) {
        return new ConnectorException(Kind.TIMEOUT, message, null, null, null, cause);
    }

    /**
     * The outside system failed or could not be reached.
     *
     * @param status the HTTP-like status when there was an answer, else {@code null}
     * @param retryAfter how long the outside system asked us to wait, else {@code null}
     */
    public static ConnectorException upstream(String message, Integer status, Duration retryAfter, Throwable cause) {
        return new ConnectorException(Kind.UPSTREAM, message, null, status, retryAfter, cause);
    }

    /** The outside system refused the request. */
    public static ConnectorException rejected(String message, Integer status) {
        return new ConnectorException(Kind.REJECTED, message, null, status, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether the same call may succeed later: timeouts and upstream failures (connection errors, 429,
     * 5xx) may; invalid input, forbidden destinations and rejections will not.
     */
    public boolean retryable() {
        return kind == Kind.TIMEOUT || kind == Kind.UPSTREAM;
    }

    /** For {@link Kind#INVALID_INPUT}: the field at fault. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The outside system's status code, when it answered. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** How long the outside system asked callers to wait before retrying (e.g. HTTP Retry-After). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

package dev.switchboard.gateway.upstream;

import dev.switchboard.gateway.upstream.UpstreamException.ClientError;
import dev.switchboard.gateway.upstream.UpstreamException.Connection;
import dev.switchboard.gateway.upstream.UpstreamException.Malformed;
import dev.switchboard.gateway.upstream.UpstreamException.RateLimited;
import dev.switchboard.gateway.upstream.UpstreamException.ServerError;
import dev.switchboard.gateway.upstream.UpstreamException.StreamCut;
import dev.switchboard.gateway.upstream.UpstreamException.Timeout;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Turns what went wrong on the wire into {@link UpstreamException}s with messages a developer can act on. */
final class UpstreamErrors {

    private static final int MAX_MESSAGE = 500;

    private final JsonMapper json;
    private final RetryHints hints;

    UpstreamErrors(JsonMapper json, RetryHints hints) {
        this.json = json;
        this.hints = hints;
    }

    /** A non-2xx answer. All three protocols wrap errors as {@code {"error": {"message": ...}}}. */
    UpstreamException forStatus(UpstreamTarget target, int status, HttpHeaders headers, byte[] body) {
        JsonNode parsed = parse(body);
        String message = message(parsed, body);
        String text = "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
        if (status == 429) {
            Optional<Duration> wait = hints.fromHeaders(headers).or(() -> RetryHints.geminiRetryDelay(parsed));
            return failure(target, new RateLimited(wait), text, null);
        }
        if (status == 408) {
            return failure(target, new Timeout(), text, null);
        }
        if (status >= 500) {
            return failure(target, new ServerError(status), text, null);
        }
        // 4xx, and 3xx (redirects are not followed: a base URL that redirects is misconfigured).
        return failure(target, new ClientError(status, message.isEmpty() ? "HTTP " + status : message), text, null);
    }

    /**
     * An error event inside a 200 stream (Anthropic {@code event: error}, OpenAI-compatible {@code data:
     * {"error": ...}}), mapped as if it had been the status it stands for.
     */
    UpstreamException forStreamError(
            UpstreamTarget target, int status, String message, boolean delivered, Usage soFar) {
        UpstreamException.Kind kind = status == 429
                ? new RateLimited(Optional.empty())
                : status >= 500 ? new ServerError(status) : new ClientError(status, message);
        return new UpstreamException(kind, target.providerId(), !delivered, "stream error: " + message, null, soFar);
    }

    /** The request never got an answer. */
    UpstreamException forTransport(UpstreamTarget target, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return failure(target, new Connection(), "connect timed out after " + target.connectTimeout(), cause);
        }
        if (cause instanceof SocketTimeoutException) {
            return failure(target, new Timeout(), "no response within " + target.readTimeout(), cause);
        }
        if (cause instanceof UpstreamTransport.BodyTimeoutException) {
            return failure(target, new Timeout(), "response still arriving after " + target.readTimeout(), cause);
        }
        if (cause instanceof IOException) {
            return failure(target, new Connection(), "connection failed: " + describe(cause), cause);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }

    UpstreamException timeout(UpstreamTarget target, String what, boolean delivered, Usage soFar) {
        return new UpstreamException(new Timeout(), target.providerId(), !delivered, what, null, soFar);
    }

    UpstreamException streamCut(UpstreamTarget target, String what, Throwable cause, boolean delivered, Usage soFar) {
        return new UpstreamException(new StreamCut(), target.providerId(), !delivered, what, cause, soFar);
    }

    UpstreamException malformed(UpstreamTarget target, String what, Throwable cause, boolean delivered) {
        return new UpstreamException(new Malformed(), target.providerId(), !delivered, what, cause);
    }

    /** A request the protocol cannot express: refused before calling, as the upstream would have. */
    UpstreamException unsupported(UpstreamTarget target, String message) {
        return failure(target, new ClientError(400, message), message, null);
    }

    private static UpstreamException failure(
            UpstreamTarget target, UpstreamException.Kind kind, String message, Throwable cause) {
        return new UpstreamException(kind, target.providerId(), true, message, cause);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : json.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private static String message(JsonNode parsed, byte[] body) {
        JsonNode error = parsed.path("error");
        String message =
                error.isString() ? error.asString() : error.path("message").asString("");
        if (message.isEmpty()) {
            message = parsed.path("message").asString("");
        }
        if (message.isEmpty() && parsed.isMissingNode()) {
            message = new String(body, StandardCharsets.UTF_8).strip();
        }
        String type = error.path("type").asString(error.path("status").asString(""));
        if (!type.isEmpty() && !message.isEmpty()) {
            message = type + ": " + message;
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

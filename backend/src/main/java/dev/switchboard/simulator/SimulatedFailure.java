package dev.switchboard.simulator;

/**
 * An error the simulated provider answers with, before any byte of a reply: bad input, a missing
 * key, or an injected fault. Each protocol renders it in its own error shape and status.
 */
final class SimulatedFailure extends RuntimeException {

    enum Kind {
        INVALID_REQUEST(400),
        AUTHENTICATION(401),
        NOT_FOUND(404),
        RATE_LIMITED(429),
        SERVER_ERROR(500),
        UNAVAILABLE(503),
        TIMEOUT(504);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String param;

    SimulatedFailure(Kind kind, String message, String param) {
        // expected control flow, not a bug: no stack trace (cheap under load)
        super(message, null, false, false);
        this.kind = kind;
        this.param = param;
    }

    static SimulatedFailure invalid(String message, String param) {
        return new SimulatedFailure(Kind.INVALID_REQUEST, message, param);
    }

    static SimulatedFailure invalid(String message) {
        return invalid(message, null);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return kind.status;
    }

    /** The request field at fault, if one is (OpenAI's {@code param}). */
    String param() {
        return param;
    }
}

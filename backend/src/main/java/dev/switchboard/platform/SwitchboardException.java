package dev.switchboard.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * Base of the expected, user-facing failures of every feature. Each subtype maps to one stable problem
 * type on the REST API and to a readable message in the UI; anything else is a bug.
 */
public abstract sealed class SwitchboardException extends RuntimeException
        permits SwitchboardException.NotFound,
                SwitchboardException.InvalidInput,
                SwitchboardException.Conflict,
                SwitchboardException.TooManyRequests {

    protected SwitchboardException(String message) {
        super(message);
    }

    /** A short, stable slug naming the problem type ({@code not-found}, {@code invalid-input}, ...). */
    public abstract String problemType();

    /** The thing asked for does not exist (HTTP 404). */
    public abstract static non-sealed class NotFound extends SwitchboardException {
        protected NotFound(String message) {
            super(message);
        }

        @Override
        public String problemType() {
            return "not-found";
        }
    }

    /** The input breaks a rule; {@link #field()} names the offending field (HTTP 400). */
    public abstract static non-sealed class InvalidInput extends SwitchboardException {
        private final String field;

        protected InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }

        @Override
        public String problemType() {
            return "invalid-input";
        }
    }

    /** The request is valid but clashes with the current state (HTTP 409). */
    public abstract static non-sealed class Conflict extends SwitchboardException {
        protected Conflict(String message) {
            super(message);
        }

        @Override
        public String problemType() {
            return "conflict";
        }
    }

    /** Too many requests in too short a time; try again after {@link #retryAfter()} (HTTP 429). */
    public abstract static non-sealed class TooManyRequests extends SwitchboardException {
        private final Duration retryAfter;

        protected TooManyRequests(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** How long the caller should wait before trying again; never zero. */
        public Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public String problemType() {
            return "too-many-requests";
        }
    }
}

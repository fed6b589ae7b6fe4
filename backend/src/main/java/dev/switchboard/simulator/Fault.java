package dev.switchboard.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A failure a test asks for with {@code x-sim-fault}, or the flaky provider picks at random. */
enum Fault {
    /** 429 with {@code Retry-After: 1}. */
    RATE_LIMITED("429"),
    /** 500. */
    SERVER_ERROR("500"),
    /** 503. */
    UNAVAILABLE("503"),
    /** No answer for far longer than any client waits. */
    TIMEOUT("timeout"),
    /** Some of the reply, then the connection closes (no {@code [DONE]} / {@code message_stop}). */
    CUT("cut"),
    /** 200 with a body that is not valid JSON. */
    MALFORMED("malformed");

    static final String HEADER = "x-sim-fault";
    static final String AFTER_TOKENS_HEADER = "x-sim-fault-after-tokens";

    private final String code;

    Fault(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<Fault> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(f -> f.code.equalsIgnoreCase(value.strip()))
                .findFirst()
                .or(() -> {
                    throw SimulatedFailure.invalid(HEADER + " '" + value + "' is not one of "
                            + Arrays.stream(values()).map(Fault::code).collect(Collectors.joining(", ")));
                });
    }
}

package dev.switchboard.workflow.expr;

import java.util.Arrays;
import java.util.Optional;

/**
 * The whitelist of functions an expression may call: all pure, none reaching Java, the clock or
 * anything outside the values given. {@code now()} is deliberately absent: workflow code must not read
 * the clock (the run's start time comes in through {@code run}).
 */
enum Function {
    LEN("len", 1, 1),
    LOWER("lower", 1, 1),
    UPPER("upper", 1, 1),
    TRIM("trim", 1, 1),
    CONTAINS("contains", 2, 2),
    STARTS_WITH("startsWith", 2, 2),
    ENDS_WITH("endsWith", 2, 2),
    MATCHES("matches", 2, 2),
    NUMBER("number", 1, 1),
    STRING("string", 1, 1),
    BOOL("bool", 1, 1),
    IS_EMPTY("isEmpty", 1, 1),
    COALESCE("coalesce", 1, 16),
    ROUND("round", 1, 2),
    MIN("min", 1, 16),
    MAX("max", 1, 16),
    JOIN("join", 1, 2),
    KEYS("keys", 1, 1);

    private final String displayName;
    private final int minArguments;
    private final int maxArguments;

    Function(String displayName, int minArguments, int maxArguments) {
        this.displayName = displayName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    static Optional<Function> named(String name) {
        return Arrays.stream(values()).filter(f -> f.displayName.equals(name)).findFirst();
    }

    String displayName() {
        return displayName;
    }

    boolean accepts(int arguments) {
        return arguments >= minArguments && arguments <= maxArguments;
    }

    String arity() {
        if (minArguments == maxArguments) {
            return minArguments + (minArguments == 1 ? " argument" : " arguments");
        }
        return minArguments + " to " + maxArguments + " arguments";
    }
}

package dev.switchboard.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The kinds of value a variable takes. Values arrive as JSON (the REST API, saved test cases) or as
 * text typed into a form; {@link #accept} turns either into the JSON value the template sees, or says
 * in words why it cannot.
 */
public enum VariableType {
    /** Free text. */
    @JsonProperty("text")
    TEXT,
    /** An integer or decimal number; text that reads as one is accepted. */
    @JsonProperty("number")
    NUMBER,
    /** One of the variable's {@code options}. */
    @JsonProperty("enum")
    ENUM,
    /** A list of values (loop over it with {@code {% for item in ... %}}). */
    @JsonProperty("list")
    LIST,
    /** Any JSON value; text is parsed as JSON. */
    @JsonProperty("json")
    JSON;

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The accepted value, or why {@code value} is not one of this type. */
    public sealed interface Accepted {
        /** The value the template sees. */
        record Value(JsonNode value) implements Accepted {}

        /** Why the value does not fit, e.g. "expected a number, got text 'ten'". */
        record Mistyped(String reason) implements Accepted {}
    }

    public Accepted accept(JsonNode value, List<String> options) {
        return switch (this) {
            case TEXT ->
                value.isString()
                        ? ok(value)
                        : value.isNumber() || value.isBoolean()
                                ? ok(NODES.stringNode(value.asString()))
                                : mistyped("text", value);
            case NUMBER -> number(value);
            case ENUM -> {
                String text = value.isString() || value.isNumber() ? value.asString() : null;
                if (text != null && options.contains(text)) {
                    yield ok(NODES.stringNode(text));
                }
                yield new Accepted.Mistyped("expected one of " + options + ", got " + describe(value));
            }
            case LIST -> value.isArray() ? ok(value) : mistyped("a list", value);
            case JSON -> value.isString() ? parsed(value.asString()) : ok(value);
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Accepted number(JsonNode value) {
        if (value.isNumber()) {
            return ok(value);
        }
        if (value.isString()) {
            try {
                BigDecimal number = new BigDecimal(value.asString().strip());
                return ok(
                        number.scale() <= 0 ? NODES.numberNode(number.toBigIntegerExact()) : NODES.numberNode(number));
            } catch (NumberFormatException | ArithmeticException e) {
                return mistyped("a number", value);
            }
        }
        return mistyped("a number", value);
    }

    private static Accepted parsed(String text) {
        try {
            return ok(JSON_MAPPER.readTree(text));
        } catch (JacksonException e) {
            return new Accepted.Mistyped("expected JSON, got text that does not parse as JSON ("
                    + Optional.ofNullable(e.getOriginalMessage()).orElse("unreadable") + ")");
        }
    }

    private static Accepted ok(JsonNode value) {
        return new Accepted.Value(value);
    }

    private static Accepted mistyped(String expected, JsonNode value) {
        return new Accepted.Mistyped("expected " + expected + ", got " + describe(value));
    }

    static String describe(JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        String kind = value.isString()
                ? "text"
                : value.isNumber()
                        ? "a number"
                        : value.isBoolean()
                                ? "a boolean"
                                : value.isArray() ? "a list" : value.isObject() ? "an object" : "null";
        return kind + " " + shown;
    }
}

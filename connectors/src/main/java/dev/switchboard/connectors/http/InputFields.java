package dev.switchboard.connectors.http;

import dev.switchboard.connectors.ConnectorException;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Reads fields of an input object, naming the field (as a path) in every complaint. */
final class InputFields {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final JsonNode node;
    private final String path;

    private InputFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** @param path how to name the object in messages ({@code ""} for the input itself) */
    static InputFields object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ConnectorException.invalidInput(
                    path.isEmpty() ? "input" : path, "must be an object, was " + describe(node));
        }
        return new InputFields(node, path);
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The value, or {@code null} when absent or JSON null. */
    JsonNode get(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    String requiredString(String name) {
        JsonNode value = get(name);
        if (value == null) {
            throw ConnectorException.invalidInput(field(name), "is required");
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw ConnectorException.invalidInput(field(name), "must be a non-empty string, was " + describe(value));
        }
        return value.asString();
    }

    String optionalString(String name) {
        return get(name) == null ? null : requiredString(name);
    }

    /** Refuses fields not in the list, so a misspelt field fails instead of being silently ignored. */
    void onlyKnown(Collection<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw ConnectorException.invalidInput(
                        field(name), "is not a known field (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** A string, number or boolean as text (header and query values); {@code null} for anything else. */
    static String scalarText(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        return null;
    }

    /** An HTTP token (RFC 9110), as header names must be. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}

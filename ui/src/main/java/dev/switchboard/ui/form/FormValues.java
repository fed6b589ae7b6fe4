package dev.switchboard.ui.form;

import dev.switchboard.prompts.VariableType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Values typed into a form as the JSON a template sees. The variable's own type decides ({@link
 * VariableType#accept}); a list may be typed as a JSON array or one item a line, because people type
 * lists that way. Blank means no value.
 */
public final class FormValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormValues() {}

    /** The typed text as a value of {@code type}; {@code null} inside the result when blank. */
    public static VariableType.Accepted parse(VariableType type, String typed, List<String> options) {
        if (typed == null || typed.isBlank()) {
            return new VariableType.Accepted.Value(null);
        }
        if (type == VariableType.LIST) {
            return type.accept(list(typed), options);
        }
        if (type == VariableType.TEXT) {
            // text keeps its spaces and line breaks: they may matter in a prompt
            return type.accept(NODES.stringNode(typed), options);
        }
        return type.accept(NODES.stringNode(typed.strip()), options);
    }

    /** A value as a person would type it back: text as it is, anything else as JSON. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isString() ? value.asString() : value.toString();
    }

    /** Comma-separated words as a list (options, tags), blanks dropped. */
    public static List<String> words(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * A key people would choose for {@code name} (templates and workflows take the same keys): {@code "Ad
     * copy (EN)"} → {@code ad-copy-en}.
     */
    public static String slug(String name) {
        String slug = name == null
                ? ""
                : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }

    private static JsonNode list(String typed) {
        String text = typed.strip();
        if (text.startsWith("[")) {
            try {
                return JSON.readTree(text);
            } catch (JacksonException notJson) {
                // falls through: a line that happens to start with '[' is still an item
            }
        }
        ArrayNode items = NODES.arrayNode();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(items::add);
        return items;
    }
}

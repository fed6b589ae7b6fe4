package dev.switchboard.simulator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a JSON value that validates against a JSON schema (the subset used for tool parameters and
 * structured outputs: types, properties, required, items, enum, const, formats, bounds, $ref,
 * anyOf/oneOf/allOf). Every property is filled, required or not, so strict schemas pass too. String
 * values come from the user's words where they fit ("city" gets "Paris"), else from the vocabulary.
 */
final class JsonInstances {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final LocalDate EPOCH_DAY = LocalDate.of(2026, 1, 1);

    private final JsonNode root;
    private final SplittableRandom random;
    private final List<String> hints;
    private final String topic;
    private int nextHint;

    JsonInstances(JsonNode root, SplittableRandom random, String userText) {
        this.root = root;
        this.random = random;
        this.hints = ReplyText.hints(userText);
        this.topic = ReplyText.topic(userText);
    }

    /** A value valid for the root schema. */
    JsonNode instance() {
        return of(root, "value", 0);
    }

    private JsonNode of(JsonNode schema, String name, int depth) {
        if (schema == null || !schema.isObject()) {
            return NODES.stringNode(string(name, NODES.objectNode()));
        }
        if (schema.has("$ref")) {
            return of(resolve(schema.get("$ref").asString()), name, depth + 1);
        }
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.has("enum")
                && schema.get("enum").isArray()
                && !schema.get("enum").isEmpty()) {
            JsonNode options = schema.get("enum");
            return options.get(random.nextInt(options.size())).deepCopy();
        }
        for (String union : List.of("anyOf", "oneOf")) {
            if (schema.path(union).isArray() && !schema.get(union).isEmpty()) {
                return of(firstNotNull(schema.get(union)), name, depth + 1);
            }
        }
        if (schema.path("allOf").isArray()) {
            return allOf(schema, name, depth);
        }
        return switch (type(schema)) {
            case "object" -> depth > MAX_DEPTH ? NODES.objectNode() : object(schema, depth);
            case "array" -> depth > MAX_DEPTH ? NODES.arrayNode() : array(schema, name, depth);
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(Math.round(number(schema) * 100) / 100.0);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> NODES.stringNode(string(name, schema));
        };
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return NODES.objectNode();
        }
        JsonNode target = root.at(JsonPointer.compile(ref.substring(1)));
        return target.isMissingNode() ? NODES.objectNode() : target;
    }

    private static JsonNode firstNotNull(JsonNode options) {
        for (JsonNode option : options) {
            if (!"null".equals(option.path("type").asString(""))) {
                return option;
            }
        }
        return options.get(0);
    }

    private JsonNode allOf(JsonNode schema, String name, int depth) {
        ObjectNode merged = NODES.objectNode();
        JsonNode last = NODES.nullNode();
        for (JsonNode part : schema.get("allOf")) {
            last = of(part, name, depth + 1);
            if (last instanceof ObjectNode object) {
                merged.setAll(object);
            }
        }
        if (schema.has("properties")) {
            merged.setAll((ObjectNode) object(schema, depth));
        }
        return merged.isEmpty() ? last : merged;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isString()) {
            return type.asString();
        }
        if (type != null && type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asString())) {
                    return option.asString();
                }
            }
            return "null";
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        for (var property : schema.path("properties").properties()) {
            object.set(property.getKey(), of(property.getValue(), property.getKey(), depth + 1));
        }
        for (JsonNode required : schema.path("required")) {
            if (!object.has(required.asString())) {
                object.put(required.asString(), string(required.asString(), NODES.objectNode()));
            }
        }
        return object;
    }

    private JsonNode array(JsonNode schema, String name, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(Math.max(min, 3));
        int count = Math.min(max, Math.max(min, 1 + random.nextInt(2)));
        JsonNode items =
                schema.has("items") ? schema.get("items") : NODES.objectNode().put("type", "string");
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        ArrayNode array = NODES.arrayNode();
        Set<JsonNode> seen = new LinkedHashSet<>();
        for (int attempt = 0; array.size() < count && attempt < count * 5; attempt++) {
            JsonNode item = of(items, singular(name), depth + 1);
            if (!unique || seen.add(item)) {
                array.add(item);
            }
        }
        return array;
    }

    private long integer(JsonNode schema) {
        Long low = schema.has("minimum")
                ? (Long) (long) Math.ceil(schema.get("minimum").asDouble())
                : schema.has("exclusiveMinimum")
                        ? (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1
                        : null;
        Long high = schema.has("maximum")
                ? (Long) (long) Math.floor(schema.get("maximum").asDouble())
                : schema.has("exclusiveMaximum")
                        ? (long) Math.ceil(schema.get("exclusiveMaximum").asDouble()) - 1
                        : null;
        long from = low != null ? low : high != null ? Math.min(1, high) : 1;
        long to = high != null ? high : from + 100;
        return to <= from ? from : from + random.nextLong(to - from + 1);
    }

    private double number(JsonNode schema) {
        double low =
                schema.path("minimum").asDouble(schema.path("exclusiveMinimum").asDouble(0.0));
        double high =
                schema.path("maximum").asDouble(schema.path("exclusiveMaximum").asDouble(low + 100.0));
        // stay strictly inside the bounds, so exclusive ones hold after rounding to two decimals
        double value = low + (high - low) * (0.05 + 0.9 * random.nextDouble());
        return Math.max(low, Math.min(high, value));
    }

    private String string(String name, JsonNode schema) {
        String value = switch (schema.path("format").asString("")) {
            case "date" -> EPOCH_DAY.plusDays(random.nextInt(365)).toString();
            case "date-time" ->
                EPOCH_DAY.plusDays(random.nextInt(365)) + "T" + LocalTime.ofSecondOfDay(random.nextInt(86_400)) + "Z";
            case "time" -> LocalTime.ofSecondOfDay(random.nextInt(86_400)).toString();
            case "email" -> ReplyText.phrase(random, 1) + "@example.com";
            case "uri", "url" -> "https://example.com/" + ReplyText.phrase(random, 1);
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            default -> byName(name);
        };
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append(' ').append(ReplyText.phrase(random, 1));
        }
        return padded.length() > max ? padded.substring(0, max) : padded.toString();
    }

    private String byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!topic.isEmpty() && lower.matches(".*(query|question|text|prompt|search|input|message|topic).*")) {
            return topic;
        }
        if (!hints.isEmpty()) {
            return hints.get(nextHint++ % hints.size());
        }
        return ReplyText.phrase(random, 2);
    }

    private static String singular(String name) {
        return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}

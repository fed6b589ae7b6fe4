package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * LangChain4j's JSON schema elements as plain JSON Schema, the way OpenAI takes them in tool {@code
 * parameters} and {@code response_format.json_schema.schema}. Definitions go to {@code $defs} and
 * references point there, as LangChain4j's own OpenAI integration writes them.
 */
final class JsonSchemaMapper {

    private final JsonMapper json;

    JsonSchemaMapper(JsonMapper json) {
        this.json = json;
    }

    ObjectNode toJson(JsonSchemaElement element) {
        ObjectNode node = json.createObjectNode();
        switch (element) {
            case JsonObjectSchema object -> object(object, node);
            case JsonStringSchema _ -> node.put("type", "string");
            case JsonIntegerSchema _ -> node.put("type", "integer");
            case JsonNumberSchema _ -> node.put("type", "number");
            case JsonBooleanSchema _ -> node.put("type", "boolean");
            case JsonNullSchema _ -> node.put("type", "null");
            case JsonEnumSchema e -> {
                node.put("type", "string");
                ArrayNode values = node.putArray("enum");
                e.enumValues().forEach(values::add);
            }
            case JsonArraySchema a -> {
                node.put("type", "array");
                node.set("items", a.items() == null ? json.createObjectNode() : toJson(a.items()));
            }
            case JsonAnyOfSchema any -> {
                ArrayNode options = node.putArray("anyOf");
                any.anyOf().forEach(option -> options.add(toJson(option)));
            }
            case JsonReferenceSchema ref -> node.put("$ref", "#/$defs/" + ref.reference());
            case JsonRawSchema raw -> {
                return raw(raw);
            }
            default ->
                throw new UnsupportedFeatureException("JSON schema element "
                        + element.getClass().getSimpleName() + " is not supported by the router");
        }
        if (element.description() != null) {
            node.put("description", element.description());
        }
        return node;
    }

    private void object(JsonObjectSchema object, ObjectNode node) {
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        if (object.properties() != null) {
            object.properties().forEach((name, property) -> properties.set(name, toJson(property)));
        }
        if (object.required() != null && !object.required().isEmpty()) {
            ArrayNode required = node.putArray("required");
            object.required().forEach(required::add);
        }
        if (object.additionalProperties() != null) {
            node.put("additionalProperties", object.additionalProperties());
        }
        Map<String, JsonSchemaElement> definitions = object.definitions();
        if (definitions != null && !definitions.isEmpty()) {
            ObjectNode defs = node.putObject("$defs");
            definitions.forEach((name, definition) -> defs.set(name, toJson(definition)));
        }
    }

    private ObjectNode raw(JsonRawSchema raw) {
        try {
            JsonNode parsed = json.readTree(raw.schema());
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("A raw JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("A raw JSON schema must be a JSON object.");
    }
}

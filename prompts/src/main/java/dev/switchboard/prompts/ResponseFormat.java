package dev.switchboard.prompts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The shape of the answer a template asks for: text, any JSON object, or JSON valid against a schema. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ResponseFormat.Text.class, name = "text"),
    @JsonSubTypes.Type(value = ResponseFormat.JsonObject.class, name = "json_object"),
    @JsonSubTypes.Type(value = ResponseFormat.JsonSchema.class, name = "json_schema")
})
public sealed interface ResponseFormat {

    /** Plain text: no {@code response_format} is sent. */
    record Text() implements ResponseFormat {}

    /** Any JSON object ({@code {"type": "json_object"}}). */
    record JsonObject() implements ResponseFormat {}

    /**
     * JSON valid against {@code schema} (JSON Schema 2020-12, the subset providers' structured outputs
     * accept).
     *
     * @param name the schema's name as providers want it ({@code invoice_fields})
     * @param strict whether the provider should enforce the schema exactly
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonSchema(String name, JsonNode schema, Boolean strict) implements ResponseFormat {
        public JsonSchema {
            name = name == null || name.isBlank() ? "response" : name.strip();
        }
    }

    /** The schema an answer must satisfy, if this format has one. */
    default Optional<JsonNode> requiredSchema() {
        return this instanceof JsonSchema s && s.schema() != null ? Optional.of(s.schema()) : Optional.empty();
    }

    /** The OpenAI {@code response_format} object, or empty for text. */
    default Optional<ObjectNode> toOpenAi() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (this) {
            case Text t -> Optional.empty();
            case JsonObject j -> Optional.of(nodes.objectNode().put("type", "json_object"));
            case JsonSchema s -> {
                ObjectNode format = nodes.objectNode().put("type", "json_schema");
                ObjectNode inner = format.putObject("json_schema").put("name", s.name());
                if (s.schema() != null) {
                    inner.set("schema", s.schema().deepCopy());
                }
                if (s.strict() != null) {
                    inner.put("strict", s.strict());
                }
                yield Optional.of(format);
            }
        };
    }
}

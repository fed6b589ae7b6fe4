package dev.switchboard.prompts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A typed input of a template. A variable is required unless it has a default or says {@code required:
 * false}; an optional variable without a value is undefined in the template ({@code {% if name %}}).
 *
 * @param name a Jinja identifier ({@code product_name})
 * @param defaultValue the value used when none is given; {@code null} for none
 * @param options the allowed values of an {@link VariableType#ENUM} variable
 */
@JsonPropertyOrder({"name", "type", "required", "default", "options", "description"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Variable(
        String name,
        VariableType type,
        Boolean required,
        @JsonProperty("default") JsonNode defaultValue,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> options,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String description) {

    public Variable {
        name = name == null ? "" : name.strip();
        type = type == null ? VariableType.TEXT : type;
        if (defaultValue != null && defaultValue.isNull()) {
            defaultValue = null;
        }
        required = required == null ? defaultValue == null : required;
        options = options == null ? List.of() : List.copyOf(options);
        description = description == null ? "" : description.strip();
    }

    public static Variable required(String name, VariableType type, String description) {
        return new Variable(name, type, true, null, null, description);
    }

    public boolean isRequired() {
        return required;
    }
}

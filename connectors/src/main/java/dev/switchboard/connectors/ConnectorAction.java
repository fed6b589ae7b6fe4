package dev.switchboard.connectors;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One action of a connector, described well enough for an agent to offer it as a tool and for the
 * workflow validator to check a step's fields before anything runs.
 *
 * @param name identifier within the connector (e.g. {@code "request"})
 * @param description what the action does, written for a model choosing tools as much as for people
 * @param inputSchema JSON Schema (2020-12) of the input object
 * @param outputSchema JSON Schema (2020-12) of the output value
 */
public record ConnectorAction(String name, String description, JsonNode inputSchema, JsonNode outputSchema) {

    public ConnectorAction {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an action needs a name");
        }
        Objects.requireNonNull(description, "description");
        if (inputSchema == null || !inputSchema.isObject()) {
            throw new IllegalArgumentException("action " + name + " needs an input schema object");
        }
        if (outputSchema == null || !outputSchema.isObject()) {
            throw new IllegalArgumentException("action " + name + " needs an output schema object");
        }
    }
}

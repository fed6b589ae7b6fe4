package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.Node;
import dev.switchboard.workflow.WorkflowDefinition;
import dev.switchboard.workflow.WorkflowDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** JSON text to and from the engine's values (see {@link RunRequest} on why payloads are text). */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static WorkflowDefinition definition(String json) {
        return WorkflowDocuments.trusted(json);
    }

    static JsonNode read(String json) {
        return json == null || json.isEmpty() ? JsonNodeFactory.instance.nullNode() : MAPPER.readTree(json);
    }

    static String write(Object value) {
        if (value instanceof Node node) {
            return MAPPER.writerFor(Node.class).writeValueAsString(node);
        }
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}

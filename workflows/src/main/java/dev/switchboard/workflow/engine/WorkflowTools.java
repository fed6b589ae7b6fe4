package dev.switchboard.workflow.engine;

import dev.switchboard.prompts.Variable;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.WorkflowDocuments;
import dev.switchboard.workflow.WorkflowExceptions;
import dev.switchboard.workflow.WorkflowRuns;
import dev.switchboard.workflow.WorkflowStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Published workflows as agent tools: the JSON Schema of a workflow's typed inputs (what the model
 * fills in), and a tool call run as a child run of the agent's run, waited for, its outputs the
 * tool's answer. The child's id comes from the tool call's idempotency key, so a retried agent step
 * finds the child it started instead of starting (and paying for) another.
 */
@Component
class WorkflowTools {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final WorkflowStore store;
    private final WorkflowRuns runs;

    WorkflowTools(WorkflowStore store, WorkflowRuns runs) {
        this.store = store;
        this.runs = runs;
    }

    /** The workflow's inputs as a JSON Schema object. */
    JsonNode inputSchema(String key) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        store.published(key, null).ifPresent(p -> {
            for (Variable input : WorkflowDocuments.trusted(p.definitionJson()).inputs()) {
                ObjectNode property = properties.putObject(input.name());
                switch (input.type()) {
                    case TEXT -> property.put("type", "string");
                    case NUMBER -> property.put("type", "number");
                    case ENUM -> {
                        property.put("type", "string");
                        ArrayNode options = property.putArray("enum");
                        input.options().forEach(options::add);
                    }
                    case LIST -> property.put("type", "array");
                    case JSON -> {}
                }
                if (!input.description().isEmpty()) {
                    property.put("description", input.description());
                }
                if (input.isRequired()) {
                    required.add(input.name());
                }
            }
        });
        return schema;
    }

    /** Runs the workflow as a child of {@code parentRunId} and answers with its outputs or its failure. */
    JsonNode call(String key, JsonNode inputs, String parentRunId, String idempotencyKey, Duration timeout) {
        UUID child = UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        try {
            runs.startChild(key, inputs, UUID.fromString(parentRunId), child);
        } catch (WorkflowExceptions.BadInput | WorkflowExceptions.NotFound e) {
            return NODES.objectNode().put("error", e.getMessage());
        }
        Run done = runs.awaitChild(child, timeout);
        ObjectNode answer = NODES.objectNode().put("runId", child.toString()).put("status", done.status());
        if ("SUCCEEDED".equals(done.status())) {
            answer.set("outputs", Json.read(done.outputsJson()));
        } else {
            answer.put("error", done.error() == null ? "the run has not finished" : done.error());
        }
        return answer;
    }
}

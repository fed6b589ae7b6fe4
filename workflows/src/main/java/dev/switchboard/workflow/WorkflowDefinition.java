package dev.switchboard.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.switchboard.prompts.Variable;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workflow as its JSON says it: typed inputs, nodes and edges. {@code layout} (where the designer
 * drew each node) is kept apart from the logic: the interpreter never reads it, and changing it alone
 * changes nothing a run does.
 *
 * @param schemaVersion the version of the workflow language ({@link #SCHEMA_VERSION})
 * @param key the workflow's stable key ({@code support-triage}): runs, sub-workflow nodes and imports
 *     name the workflow by it
 */
@JsonPropertyOrder({"schemaVersion", "key", "name", "description", "inputs", "nodes", "edges", "layout"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowDefinition(
        int schemaVersion,
        String key,
        String name,
        String description,
        List<Variable> inputs,
        List<Node> nodes,
        List<Edge> edges,
        ObjectNode layout) {

    /** The language version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public WorkflowDefinition {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
        description = description == null ? "" : description;
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The edges leaving {@code nodeId}, in the order the JSON lists them. */
    public List<Edge> edgesFrom(String nodeId) {
        return edges.stream().filter(e -> e.from().equals(nodeId)).toList();
    }

    public List<Edge> edgesInto(String nodeId) {
        return edges.stream().filter(e -> e.to().equals(nodeId)).toList();
    }
}

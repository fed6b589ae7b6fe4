package dev.switchboard.ui.workflow;

import dev.switchboard.workflow.WorkflowDefinition;
import dev.switchboard.workflow.WorkflowDocuments;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workflow as the editor shows it and export hands out: the JSON the workflow language reads back.
 * {@code WorkflowDocuments.write} spells an absent prompt version or tool field as {@code null}, which
 * the published schema refuses (a bundled workflow would come back with "prompt.version: Null found"),
 * so those nulls are left out here; values that are the designer's own JSON (a transform's value, end
 * outputs) are kept exactly as written.
 */
final class Documents {

    private Documents() {}

    static String text(WorkflowDefinition definition) {
        JsonNode tree = WorkflowDocuments.tree(definition);
        for (JsonNode node : tree.path("nodes")) {
            tidy(node);
            tidy(node.path("node")); // a map's inner node
        }
        return tree.toPrettyString();
    }

    private static void tidy(JsonNode node) {
        dropNulls(node.path("prompt"));
        node.path("tools").forEach(Documents::dropNulls);
    }

    private static void dropNulls(JsonNode part) {
        if (part instanceof ObjectNode object) {
            List<String> empty = new ArrayList<>();
            object.properties().forEach(p -> {
                if (p.getValue().isNull()) {
                    empty.add(p.getKey());
                }
            });
            object.remove(empty);
        }
    }
}

package dev.switchboard.workflow;

import dev.switchboard.prompts.JsonSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workflow JSON in and out. Reading checks, in order: that the text is JSON (line and column), that
 * it matches the published JSON Schema ({@link #schema()}, each violation placed at its node and
 * field), and only then binds it to a {@link WorkflowDefinition}. What the schema cannot say (graph
 * shape, references, types) is {@link WorkflowValidator}'s job.
 */
public final class WorkflowDocuments {

    static final String SCHEMA_ID = "urn:switchboard:workflow:" + WorkflowDefinition.SCHEMA_VERSION;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNode SCHEMA = loadSchema();

    private WorkflowDocuments() {}

    /** A document read as far as it could be: the definition when it bound, and what is wrong. */
    public record Read(WorkflowDefinition definition, List<WorkflowProblem> problems) {
        public boolean ok() {
            return definition != null && problems.isEmpty();
        }
    }

    /** The published JSON Schema of the workflow language. */
    public static JsonNode schema() {
        return SCHEMA.deepCopy();
    }

    public static Read read(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Read(
                    null,
                    List.of(WorkflowProblem.ofWorkflow(
                            null, "not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
        return read(tree);
    }

    public static Read read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return new Read(null, List.of(WorkflowProblem.ofWorkflow(null, "a workflow is a JSON object")));
        }
        List<WorkflowProblem> problems = new ArrayList<>();
        for (JsonSchemas.Violation v : JsonSchemas.locatedViolations(SCHEMA_ID, SCHEMA, tree)) {
            problems.add(placed(tree, v));
        }
        if (!problems.isEmpty()) {
            return new Read(null, problems.stream().distinct().toList());
        }
        try {
            return new Read(MAPPER.treeToValue(tree, WorkflowDefinition.class), List.of());
        } catch (JacksonException e) {
            return new Read(null, List.of(WorkflowProblem.ofWorkflow(null, e.getOriginalMessage())));
        }
    }

    /**
     * Binds a document this platform stored after reading it (a saved version): no schema check again,
     * which the interpreter would otherwise pay on every replay.
     */
    public static WorkflowDefinition trusted(String json) {
        return MAPPER.readValue(json, WorkflowDefinition.class);
    }

    /** Any part of a workflow (a node, the edges) as indented JSON, for diffs. */
    public static String part(Object value) {
        if (value == null) {
            return "";
        }
        var writer = value instanceof Node ? MAPPER.writerFor(Node.class) : MAPPER.writer();
        return writer.withDefaultPrettyPrinter().writeValueAsString(value);
    }

    public static String write(WorkflowDefinition definition) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    }

    public static JsonNode tree(WorkflowDefinition definition) {
        return MAPPER.valueToTree(definition);
    }

    /** Says a schema violation at {@code /nodes/3/settings/temperature} as node 'x', settings.temperature. */
    private static WorkflowProblem placed(JsonNode tree, JsonSchemas.Violation v) {
        List<Object> at = v.location();
        String message = withoutLocation(v.message());
        if (at.size() >= 2 && "nodes".equals(at.get(0)) && at.get(1) instanceof Integer index) {
            String id = tree.path("nodes").path(index).path("id").asString("");
            return new WorkflowProblem(
                    id.isEmpty() ? "#" + (index + 1) : id, dotted(at.subList(2, at.size())), message);
        }
        return WorkflowProblem.ofWorkflow(dotted(at), message);
    }

    private static String dotted(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(part);
            }
        }
        return out.toString();
    }

    /** The validator prefixes messages with the JSON path, which {@link #placed} already says better. */
    private static String withoutLocation(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("/") || message.startsWith("$") ? message.substring(colon + 2) : message;
    }

    private static JsonNode loadSchema() {
        try (InputStream in = WorkflowDocuments.class.getResourceAsStream("/workflow/workflow.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("workflow.schema.json is missing from the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

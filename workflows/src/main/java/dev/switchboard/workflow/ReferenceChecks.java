package dev.switchboard.workflow;

import dev.switchboard.prompts.PromptMessage;
import dev.switchboard.prompts.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks every {@code {{ reference }}} and expression of a workflow: it parses, names something that
 * exists ({@code inputs.<declared input>}, {@code steps.<earlier step>.output...}, {@code item} and
 * {@code index} inside a map), and where the value's shape is known, the field is one the step makes.
 */
final class ReferenceChecks {

    /** The fields each kind's output has, where it is fixed; kinds not listed make any shape. */
    static final Map<String, Set<String>> OUTPUT_FIELDS = Map.of(
            "llm", Set.of("text", "json", "model", "provider", "inputTokens", "outputTokens", "costMicros"),
            "agent", Set.of("text", "iterations", "stoppedBy", "toolCalls", "costMicros"),
            "map", Set.of("results", "errors"),
            "approval", Set.of("decision", "by", "comment", "fields"),
            "http", Set.of("status", "headers", "body", "truncated"),
            "sub_workflow", Set.of("runId", "outputs"),
            "loop", Set.of("iterations"),
            "condition", Set.of("value"),
            "switch", Set.of("value"),
            "wait", Set.of("waitedMillis"));

    static final Set<String> RUN_FIELDS = Set.of("id", "workflow", "version", "orgUnit");

    private final WorkflowDefinition definition;
    private final Graph graph;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Set<String> inputs;
    private final Map<String, dev.switchboard.prompts.VariableType> inputTypes = new HashMap<>();

    ReferenceChecks(WorkflowDefinition definition, Graph graph) {
        this.definition = definition;
        this.graph = graph;
        definition.nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
        this.inputs = definition.inputs().stream().map(Variable::name).collect(java.util.stream.Collectors.toSet());
        definition.inputs().forEach(v -> inputTypes.put(v.name(), v.type()));
    }

    void check(List<WorkflowProblem> problems) {
        for (Node n : definition.nodes()) {
            Set<String> before = graph.ancestorsOf(n.id());
            fields(n, false, before, problems);
            if (n instanceof Node.MapEach map && map.node() != null) {
                fields(map.node(), true, before, problems);
            }
        }
    }

    private void fields(Node n, boolean inMap, Set<String> before, List<WorkflowProblem> problems) {
        Site site = new Site(n.id(), inMap, before, problems);
        switch (n) {
            case Node.Llm llm -> {
                for (int i = 0; i < llm.messages().size(); i++) {
                    PromptMessage m = llm.messages().get(i);
                    site.template("messages[" + i + "].content", m.content());
                }
                llm.variables().forEach((name, value) -> site.json("variables." + name, value));
            }
            case Node.Agent agent -> {
                site.template("system", agent.system());
                site.template("task", agent.task());
            }
            case Node.Condition c -> site.expression("expression", c.expression());
            case Node.Switch s -> site.expression("expression", s.expression());
            case Node.Loop l -> site.expression("expression", l.expression());
            case Node.MapEach m -> site.expression("items", m.items());
            case Node.Approval a -> site.template("instructions", a.instructions());
            case Node.Http h -> site.json("input", h.input());
            case Node.Transform t -> site.json("value", t.value());
            case Node.SubWorkflow s -> s.inputs().forEach((name, value) -> site.json("inputs." + name, value));
            case Node.End e -> e.outputs().forEach((name, value) -> site.json("outputs." + name, value));
            default -> {}
        }
    }

    /** Where references are checked: a node (or a map's inner node) and the steps that run before it. */
    private final class Site {
        private final String node;
        private final boolean inMap;
        private final Set<String> before;
        private final List<WorkflowProblem> problems;

        Site(String node, boolean inMap, Set<String> before, List<WorkflowProblem> problems) {
            this.node = node;
            this.inMap = inMap;
            this.before = before;
            this.problems = problems;
        }

        void template(String field, String text) {
            if (text == null || text.isEmpty()) {
                return;
            }
            try {
                ReferencePaths.ofTemplate(text).forEach(path -> path(field, path));
            } catch (IllegalArgumentException e) {
                problems.add(new WorkflowProblem(node, field, e.getMessage()));
            }
        }

        void expression(String field, String text) {
            try {
                var expression = ReferencePaths.expression(text);
                ReferencePaths.of(expression).forEach(path -> path(field, path));
                ReferencePaths.typeCheck(expression, inputTypes);
            } catch (IllegalArgumentException e) {
                problems.add(new WorkflowProblem(node, field, e.getMessage()));
            }
        }

        void json(String field, JsonNode value) {
            if (value == null) {
                return;
            }
            if (value.isString()) {
                template(field, value.asString());
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    json(field + "[" + i + "]", value.get(i));
                }
            } else if (value.isObject()) {
                for (var entry : value.properties()) {
                    json(field + "." + entry.getKey(), entry.getValue());
                }
            }
        }

        private void path(String field, List<String> path) {
            String root = path.getFirst();
            switch (root) {
                case "inputs" -> {
                    if (path.size() > 1 && !inputs.contains(path.get(1))) {
                        report(field, "'" + path.get(1) + "' is not an input of this workflow");
                    }
                }
                case "steps" -> step(field, path);
                case "item", "index" -> {
                    if (!inMap) {
                        report(field, "'" + root + "' exists only inside a map node");
                    }
                }
                case "run" -> {
                    if (path.size() > 1 && !RUN_FIELDS.contains(path.get(1))) {
                        report(
                                field,
                                "run has no field '" + path.get(1) + "' (fields: id, workflow, version, orgUnit)");
                    }
                }
                default -> report(field, "unknown name '" + root + "' (use inputs, steps, item, index or run)");
            }
        }

        private void step(String field, List<String> path) {
            if (path.size() < 2) {
                report(field, "say which step: steps.<node id>.output");
                return;
            }
            String id = path.get(1);
            Node target = nodes.get(id);
            if (target == null) {
                report(field, "no node has the id '" + id + "'");
                return;
            }
            if (!before.contains(id)) {
                report(field, "step '" + id + "' does not run before this node");
                return;
            }
            if (target instanceof Node.End) {
                report(field, "an end node has no output; refer to the step before it");
                return;
            }
            if (path.size() < 3) {
                return;
            }
            String part = path.get(2);
            if (!Set.of("output", "error", "status").contains(part)) {
                report(field, "a step has output, error and status, not '" + part + "'");
                return;
            }
            boolean ownDefault = target.isStep() && target.policy().onError() == NodePolicy.OnError.DEFAULT;
            if (part.equals("output") && path.size() > 3 && !ownDefault) { // a default may have any shape
                Set<String> known = target instanceof Node.Start ? inputs : OUTPUT_FIELDS.get(target.kind());
                if (known != null && !known.contains(path.get(3))) {
                    report(
                            field,
                            "the output of " + target.kind() + " step '" + id + "' has no field '" + path.get(3)
                                    + "' (fields: "
                                    + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        private void report(String field, String message) {
            problems.add(new WorkflowProblem(node, field, message));
        }
    }
}

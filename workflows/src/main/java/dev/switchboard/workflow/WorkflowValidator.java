package dev.switchboard.workflow;

import dev.switchboard.prompts.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a workflow before anything starts: one start, unique ids, edges between existing nodes and
 * real ports, every node reachable, cycles only through loop nodes, node settings that fit together,
 * outside references (prompts, workflows, connectors) that exist, and every {@code {{ reference }}}
 * pointing at an input or an earlier step's output of the right type. Each problem names the node and
 * field. The published JSON Schema has already been checked ({@link WorkflowDocuments}).
 */
public final class WorkflowValidator {

    private WorkflowValidator() {}

    public static List<WorkflowProblem> validate(WorkflowDefinition definition, WorkflowCatalog catalog) {
        List<WorkflowProblem> problems = new ArrayList<>();
        Map<String, Node> nodes = uniqueNodes(definition, problems);
        List<Node> starts =
                definition.nodes().stream().filter(n -> n instanceof Node.Start).toList();
        if (starts.size() != 1) {
            problems.add(WorkflowProblem.ofWorkflow(
                    "nodes", "a workflow has exactly one start node; this one has " + starts.size()));
        }
        if (definition.nodes().stream().noneMatch(n -> n instanceof Node.End)) {
            problems.add(WorkflowProblem.ofWorkflow("nodes", "a workflow needs at least one end node"));
        }
        checkEdges(definition, nodes, problems);
        Graph graph = new Graph(definition);
        if (starts.size() == 1) {
            Set<String> reached = graph.reachableFrom(starts.getFirst().id());
            for (Node n : definition.nodes()) {
                if (!reached.contains(n.id())) {
                    problems.add(new WorkflowProblem(n.id(), null, "cannot be reached from the start node"));
                }
            }
        }
        Set<String> loops = definition.nodes().stream()
                .filter(n -> n instanceof Node.Loop)
                .map(Node::id)
                .collect(Collectors.toSet());
        List<String> cycle = graph.cycleAvoiding(loops);
        if (!cycle.isEmpty()) {
            problems.add(new WorkflowProblem(
                    cycle.getFirst(),
                    null,
                    "is on a cycle without a loop node (" + String.join(" -> ", cycle) + " -> " + cycle.getFirst()
                            + "); repeat steps with a loop node"));
        }
        for (Node n : definition.nodes()) {
            checkNode(n, definition, catalog, problems);
        }
        new ReferenceChecks(definition, graph).check(problems);
        return List.copyOf(problems);
    }

    private static Map<String, Node> uniqueNodes(WorkflowDefinition definition, List<WorkflowProblem> problems) {
        Map<String, Node> nodes = new HashMap<>();
        Set<String> inner = new HashSet<>();
        for (Node n : definition.nodes()) {
            if (nodes.putIfAbsent(n.id(), n) != null) {
                problems.add(new WorkflowProblem(n.id(), "id", "another node has the same id"));
            }
            if (n instanceof Node.MapEach map && map.node() != null) {
                inner.add(map.node().id());
            }
        }
        for (String id : inner) {
            if (nodes.containsKey(id)) {
                problems.add(new WorkflowProblem(id, "id", "a map's inner node has the same id"));
            }
        }
        return nodes;
    }

    private static void checkEdges(
            WorkflowDefinition definition, Map<String, Node> nodes, List<WorkflowProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < definition.edges().size(); i++) {
            Edge e = definition.edges().get(i);
            String field = "edges[" + i + "]";
            Node from = nodes.get(e.from());
            Node to = nodes.get(e.to());
            if (from == null) {
                problems.add(WorkflowProblem.ofWorkflow(field + ".from", "no node has the id '" + e.from() + "'"));
            }
            if (to == null) {
                problems.add(WorkflowProblem.ofWorkflow(field + ".to", "no node has the id '" + e.to() + "'"));
            }
            if (from == null || to == null) {
                continue;
            }
            List<String> ports = portsOf(from);
            if (!ports.contains(e.port())) {
                problems.add(WorkflowProblem.ofWorkflow(
                        field + ".port",
                        ports.isEmpty()
                                ? "a " + from.kind() + " node has no outgoing edges"
                                : "'" + e.port() + "' is not a port of " + from.kind() + " node '" + from.id()
                                        + "' (ports: " + String.join(", ", ports) + ")"));
            }
            if (to instanceof Node.Start) {
                problems.add(WorkflowProblem.ofWorkflow(field + ".to", "no edge may lead into the start node"));
            }
            if (!seen.add(e.from() + "\u0000" + e.port() + "\u0000" + e.to())) {
                problems.add(WorkflowProblem.ofWorkflow(field, "the same edge is listed twice"));
            }
        }
        for (Node n : definition.nodes()) {
            List<Edge> out = definition.edgesFrom(n.id());
            boolean fansOut = n instanceof Node.Parallel;
            for (String port : portsOf(n)) {
                long count = out.stream().filter(e -> e.port().equals(port)).count();
                if (count > 1 && !fansOut) {
                    problems.add(new WorkflowProblem(
                            n.id(),
                            "edges",
                            "port '" + port + "' has " + count
                                    + " edges; only a parallel node starts several branches"));
                }
            }
            if (!(n instanceof Node.End) && out.isEmpty()) {
                problems.add(new WorkflowProblem(n.id(), "edges", "has no outgoing edge; finish with an end node"));
            }
            if (n instanceof Node.Parallel && out.size() < 2) {
                problems.add(new WorkflowProblem(n.id(), "edges", "a parallel node starts two branches or more"));
            }
            if (n instanceof Node.Join && definition.edgesInto(n.id()).size() < 2) {
                problems.add(new WorkflowProblem(n.id(), "edges", "a join node waits for two branches or more"));
            }
        }
    }

    static List<String> portsOf(Node n) {
        List<String> ports = new ArrayList<>(n.ports());
        if (n.isStep() && n.policy().onError() == NodePolicy.OnError.BRANCH) {
            ports.add(Node.ERROR);
        }
        return ports;
    }

    private static void checkNode(
            Node n, WorkflowDefinition definition, WorkflowCatalog catalog, List<WorkflowProblem> problems) {
        if (n.isStep()) {
            checkPolicy(n, problems);
        }
        switch (n) {
            case Node.Llm llm -> checkLlm(llm, catalog, problems);
            case Node.Agent agent -> {
                Set<String> names = new HashSet<>();
                for (int i = 0; i < agent.tools().size(); i++) {
                    Node.AgentTool tool = agent.tools().get(i);
                    String field = "tools[" + i + "]";
                    if (!names.add(tool.name())) {
                        problems.add(new WorkflowProblem(n.id(), field + ".name", "two tools have this name"));
                    }
                    boolean connector = tool.connector() != null;
                    if (connector == (tool.workflow() != null)) {
                        problems.add(new WorkflowProblem(n.id(), field, "a tool is a connector action or a workflow"));
                    } else if (connector) {
                        checkConnector(n.id(), field, tool.connector(), tool.action(), catalog, problems);
                    } else if (!catalog.workflowPublished(tool.workflow(), null)) {
                        problems.add(new WorkflowProblem(
                                n.id(), field + ".workflow", "no published workflow '" + tool.workflow() + "'"));
                    }
                }
            }
            case Node.Switch sw -> {
                if (sw.cases().contains("default")) {
                    problems.add(new WorkflowProblem(n.id(), "cases", "'default' is the port for no match"));
                }
            }
            case Node.MapEach map -> {
                Node inner = map.node();
                if (!(inner instanceof Node.Llm
                        || inner instanceof Node.Agent
                        || inner instanceof Node.Http
                        || inner instanceof Node.Transform
                        || inner instanceof Node.SubWorkflow)) {
                    problems.add(new WorkflowProblem(
                            n.id(), "node", "a map runs an llm, agent, http, transform or sub_workflow node per item"));
                } else {
                    checkNode(inner, definition, catalog, problems);
                }
            }
            case Node.Approval approval -> {
                if (approval.role() == null && approval.orgUnit() == null) {
                    problems.add(new WorkflowProblem(n.id(), "role", "say who decides: a role, an org unit or both"));
                }
                if (approval.timeout().isZero() || approval.timeout().isNegative()) {
                    problems.add(new WorkflowProblem(n.id(), "timeout", "must be longer than zero"));
                }
            }
            case Node.Http http ->
                checkConnector(n.id(), "connector", http.connector(), http.action(), catalog, problems);
            case Node.Wait wait -> {
                if (wait.duration().isNegative() || wait.duration().isZero()) {
                    problems.add(new WorkflowProblem(n.id(), "duration", "must be longer than zero"));
                }
            }
            case Node.SubWorkflow sub -> {
                if (!catalog.workflowPublished(sub.workflow(), sub.version())) {
                    problems.add(new WorkflowProblem(
                            n.id(),
                            "workflow",
                            "no published workflow '" + sub.workflow() + "'"
                                    + (sub.version() == null ? "" : " version " + sub.version())));
                }
            }
            default -> {}
        }
    }

    private static void checkLlm(Node.Llm llm, WorkflowCatalog catalog, List<WorkflowProblem> problems) {
        if ((llm.prompt() == null) == llm.messages().isEmpty()) {
            problems.add(new WorkflowProblem(
                    llm.id(), "prompt", "an llm node has either a prompt template or inline messages, not both"));
            return;
        }
        if (llm.prompt() == null) {
            if (!llm.variables().isEmpty()) {
                problems.add(new WorkflowProblem(
                        llm.id(), "variables", "variables fill a prompt template; inline messages use references"));
            }
            return;
        }
        Optional<List<Variable>> variables =
                catalog.promptVariables(llm.prompt().key(), llm.prompt().version());
        if (variables.isEmpty()) {
            problems.add(new WorkflowProblem(
                    llm.id(),
                    "prompt.key",
                    "no published prompt template '" + llm.prompt().key() + "'"
                            + (llm.prompt().version() == null
                                    ? ""
                                    : " version " + llm.prompt().version())));
            return;
        }
        Set<String> known = new HashSet<>();
        for (Variable v : variables.get()) {
            known.add(v.name());
            if (v.isRequired() && !llm.variables().containsKey(v.name())) {
                problems.add(
                        new WorkflowProblem(llm.id(), "variables." + v.name(), "the template needs this variable"));
            }
        }
        for (String name : llm.variables().keySet()) {
            if (!known.contains(name)) {
                problems.add(new WorkflowProblem(
                        llm.id(), "variables." + name, "the template has no variable '" + name + "'"));
            }
        }
    }

    private static void checkConnector(
            String node,
            String field,
            String connector,
            String action,
            WorkflowCatalog catalog,
            List<WorkflowProblem> problems) {
        Set<String> actions = catalog.connectorActions(connector);
        if (actions.isEmpty()) {
            problems.add(new WorkflowProblem(node, field, "no connector '" + connector + "' is installed"));
        } else if (action == null || !actions.contains(action)) {
            problems.add(new WorkflowProblem(
                    node,
                    field,
                    "connector '" + connector + "' has no action '" + action + "' (actions: "
                            + String.join(", ", actions.stream().sorted().toList()) + ")"));
        }
    }

    private static void checkPolicy(Node n, List<WorkflowProblem> problems) {
        NodePolicy p = n.policy();
        if (p.timeout().isNegative() || p.timeout().isZero()) {
            problems.add(new WorkflowProblem(n.id(), "policy.timeout", "must be longer than zero"));
        }
        if (p.onError() == NodePolicy.OnError.DEFAULT && p.defaultValue() == null) {
            problems.add(new WorkflowProblem(n.id(), "policy.default", "onError 'default' needs a default value"));
        }
    }
}

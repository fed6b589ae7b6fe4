package dev.switchboard.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A workflow's nodes and edges as a directed graph: reachability, ancestors, cycles. */
final class Graph {

    private final Map<String, List<String>> next = new HashMap<>();
    private final Map<String, List<String>> previous = new HashMap<>();

    Graph(WorkflowDefinition definition) {
        for (Node n : definition.nodes()) {
            next.putIfAbsent(n.id(), new ArrayList<>());
            previous.putIfAbsent(n.id(), new ArrayList<>());
        }
        for (Edge e : definition.edges()) {
            if (next.containsKey(e.from()) && next.containsKey(e.to())) {
                next.get(e.from()).add(e.to());
                previous.get(e.to()).add(e.from());
            }
        }
    }

    /** Every node reachable from {@code from}, itself included. */
    Set<String> reachableFrom(String from) {
        return walk(from, next);
    }

    /** Every node that can reach {@code to}, itself excluded: the steps that may have run before it. */
    Set<String> ancestorsOf(String to) {
        Set<String> out = walk(to, previous);
        out.remove(to);
        return out;
    }

    /**
     * The nodes of some cycle that passes through none of {@code breakers} (loop nodes), or empty when
     * every cycle has one.
     */
    List<String> cycleAvoiding(Set<String> breakers) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (String start : next.keySet()) {
            if (breakers.contains(start) || state.containsKey(start)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, breakers, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private List<String> visit(String node, Set<String> breakers, Map<String, Integer> state, List<String> path) {
        state.put(node, 1);
        path.add(node);
        for (String to : next.get(node)) {
            if (breakers.contains(to)) {
                continue;
            }
            Integer s = state.get(to);
            if (s != null && s == 1) {
                return List.copyOf(path.subList(path.indexOf(to), path.size()));
            }
            if (s == null) {
                List<String> cycle = visit(to, breakers, state, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }

    private static Set<String> walk(String from, Map<String, List<String>> links) {
        Set<String> seen = new LinkedHashSet<>();
        if (!links.containsKey(from)) {
            return seen;
        }
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                todo.addAll(links.get(n));
            }
        }
        return new HashSet<>(seen);
    }
}

package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.Svg;
import dev.switchboard.workflow.Edge;
import dev.switchboard.workflow.Node;
import dev.switchboard.workflow.WorkflowDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import tools.jackson.databind.JsonNode;

/**
 * A workflow drawn read-only as SVG: one box per node (its title and kind), one arrow per edge with its
 * port, nodes with problems outlined red, and, for a run, each node filled by its step's status. Boxes
 * stand where the designer's {@code layout} puts them when it places every node; otherwise in layers by
 * their distance from the start node. Pure markup from numbers and escaped text, so nothing typed in a
 * workflow reaches the browser as markup.
 */
final class WorkflowGraph {

    static final int BOX_WIDTH = 150;
    static final int BOX_HEIGHT = 54;
    static final int GAP_X = 70;
    static final int GAP_Y = 30;
    static final int MARGIN = 20;
    static final String PROBLEM_CLASS = "problem";

    // XHTML escaping names only &, <, >, " and ': what SVG markup understands, in text and in attributes
    private static final Document.OutputSettings XML =
            new Document.OutputSettings().escapeMode(Entities.EscapeMode.xhtml);

    /** Where a node is drawn: the top-left corner of its box. */
    record Box(String id, String kind, String title, int x, int y) {}

    private WorkflowGraph() {}

    /** The drawing as a component ({@link Svg}, which lets the browser's parser build SVG elements). */
    static Svg of(WorkflowDefinition definition, Set<String> problemNodes, Map<String, String> statuses) {
        Svg svg = new Svg(svg(definition, problemNodes, statuses));
        svg.setId("workflow-graph");
        return svg;
    }

    /** Boxes by node id, in the order of the JSON. */
    static Map<String, Box> layout(WorkflowDefinition definition) {
        Map<String, Box> placed = placedByDesigner(definition);
        return placed != null ? placed : layered(definition);
    }

    static String svg(WorkflowDefinition definition, Set<String> problemNodes, Map<String, String> statuses) {
        Map<String, Box> boxes = layout(definition);
        int width =
                boxes.values().stream().mapToInt(b -> b.x() + BOX_WIDTH).max().orElse(0) + MARGIN;
        int height =
                boxes.values().stream().mapToInt(b -> b.y() + BOX_HEIGHT).max().orElse(0) + MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-graph\" role=\"img\""
                        + " viewBox=\"0 0 %d %d\" width=\"%d\" style=\"max-width:100%%\" aria-label=\"%s\">",
                width,
                height,
                width,
                escape("Graph of " + definition.name())));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\""
                + " fill=\"#555\"/></marker></defs>");
        for (Edge edge : definition.edges()) {
            Box from = boxes.get(edge.from());
            Box to = boxes.get(edge.to());
            if (from != null && to != null) {
                edge(svg, edge, from, to);
            }
        }
        for (Box box : boxes.values()) {
            box(svg, box, problemNodes.contains(box.id()), statuses.get(box.id()));
        }
        return svg.append("</svg>").toString();
    }

    /** The designer's layout, when it gives every node numbers for x and y; shifted to the margin. */
    private static Map<String, Box> placedByDesigner(WorkflowDefinition definition) {
        JsonNode layout = definition.layout();
        if (layout == null || definition.nodes().isEmpty()) {
            return null;
        }
        for (Node node : definition.nodes()) {
            JsonNode at = layout.path(node.id());
            if (!at.path("x").isNumber() || !at.path("y").isNumber()) {
                return null;
            }
        }
        int minX = definition.nodes().stream()
                .mapToInt(n -> layout.path(n.id()).path("x").asInt())
                .min()
                .orElse(0);
        int minY = definition.nodes().stream()
                .mapToInt(n -> layout.path(n.id()).path("y").asInt())
                .min()
                .orElse(0);
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Node node : definition.nodes()) {
            JsonNode at = layout.path(node.id());
            boxes.put(
                    node.id(),
                    box(
                            node,
                            MARGIN + at.path("x").asInt() - minX,
                            MARGIN + at.path("y").asInt() - minY));
        }
        return boxes;
    }

    /** Columns by breadth-first distance from the start node; nodes it never reaches come last. */
    private static Map<String, Box> layered(WorkflowDefinition definition) {
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        definition.nodes().stream().filter(n -> n instanceof Node.Start).forEach(n -> {
            depth.put(n.id(), 0);
            queue.add(n.id());
        });
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (Edge edge : definition.edgesFrom(id)) {
                if (!depth.containsKey(edge.to()) && definition.node(edge.to()).isPresent()) {
                    depth.put(edge.to(), depth.get(id) + 1);
                    queue.add(edge.to());
                }
            }
        }
        int unreached =
                depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Node node : definition.nodes()) {
            int column = depth.getOrDefault(node.id(), unreached);
            int row = rows.merge(column, 1, Integer::sum) - 1;
            boxes.put(node.id(), box(node, MARGIN + column * (BOX_WIDTH + GAP_X), MARGIN + row * (BOX_HEIGHT + GAP_Y)));
        }
        return boxes;
    }

    private static Box box(Node node, int x, int y) {
        String title = node.title() == null || node.title().isBlank() ? node.id() : node.title();
        return new Box(node.id(), node.kind(), title, x, y);
    }

    private static void edge(StringBuilder svg, Edge edge, Box from, Box to) {
        int x1 = from.x() + BOX_WIDTH;
        int y1 = from.y() + BOX_HEIGHT / 2;
        int x2 = to.x();
        int y2 = to.y() + BOX_HEIGHT / 2;
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"edge\" data-from=\"%s\" data-to=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                        + " stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>",
                escape(edge.from()),
                escape(edge.to()),
                x1,
                y1,
                x2,
                y2));
        if (!Node.OUT.equals(edge.port())) {
            text(svg, "port", (x1 + x2) / 2, (y1 + y2) / 2 - 4, 10, "#333", edge.port());
        }
    }

    private static void box(StringBuilder svg, Box box, boolean problem, String status) {
        String stroke = problem ? "#c62828" : "#37474f";
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"node%s\" data-node=\"%s\"%s><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\""
                        + " fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                problem ? " " + PROBLEM_CLASS : "",
                escape(box.id()),
                status == null ? "" : " data-status=\"" + escape(status) + "\"",
                box.x(),
                box.y(),
                BOX_WIDTH,
                BOX_HEIGHT,
                fill(status),
                stroke,
                problem ? "3" : "1"));
        text(svg, "title", box.x() + 8, box.y() + 22, 13, "#111", shorten(box.title()));
        String kind = status == null ? box.kind() : box.kind() + " · " + status.toLowerCase(Locale.ROOT);
        text(svg, "kind", box.x() + 8, box.y() + 42, 10, "#555", kind);
        svg.append("</g>");
    }

    /** A run's colours: green done, blue going, amber waiting, red failed, grey skipped. */
    static String fill(String status) {
        if (status == null) {
            return "#ffffff";
        }
        return switch (status) {
            case "SUCCEEDED", "REUSED" -> "#e6f4ea";
            case "RUNNING" -> "#e3f2fd";
            case "WAITING" -> "#fff8e1";
            case "FAILED" -> "#fdecea";
            default -> "#f1f1f1";
        };
    }

    private static void text(StringBuilder svg, String cls, int x, int y, int size, String color, String text) {
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"%s\" x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%s\">%s</text>",
                cls,
                x,
                y,
                size,
                color,
                escape(text)));
    }

    /** A title cut to what fits in a box; the whole of it is in the JSON beside. */
    private static String shorten(String title) {
        return title.length() <= 20 ? title : title.substring(0, 19) + "…";
    }

    static String escape(String text) {
        return Entities.escape(text == null ? "" : text, XML);
    }

    /** The ids of the nodes in {@code ids} that the definition has, e.g. those a list of problems names. */
    static Set<String> known(WorkflowDefinition definition, List<String> ids) {
        return ids.stream()
                .filter(id -> id != null && definition.node(id).isPresent())
                .collect(Collectors.toSet());
    }
}

package dev.switchboard.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.workflow.WorkflowDefinition;
import dev.switchboard.workflow.WorkflowDocuments;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WorkflowGraphTest {

    static final String BRANCHING = """
            {"schemaVersion": 1, "key": "branching", "name": "Branching <b>&</b>",
             "inputs": [{"name": "ticket", "type": "text"}],
             "nodes": [
               {"id": "start", "kind": "start"},
               {"id": "check", "kind": "condition", "title": "Urgent? \\"<script>\\"", "expression": "true"},
               {"id": "yes", "kind": "transform", "value": "y"},
               {"id": "no", "kind": "transform", "value": "n"},
               {"id": "end", "kind": "end"},
               {"id": "orphan", "kind": "end"}
             ],
             "edges": [
               {"from": "start", "to": "check"},
               {"from": "check", "port": "true", "to": "yes"}, {"from": "check", "port": "false", "to": "no"},
               {"from": "yes", "to": "end"}, {"from": "no", "to": "end"}
             ]%s}""";

    private static WorkflowDefinition read(String json) {
        WorkflowDefinition definition = WorkflowDocuments.read(json).definition();
        assertThat(definition).as("the fixture reads as a workflow").isNotNull();
        return definition;
    }

    @Test
    void without_a_layout_nodes_stand_in_columns_by_their_distance_from_the_start() {
        Map<String, WorkflowGraph.Box> boxes = WorkflowGraph.layout(read(BRANCHING.formatted("")));

        int column = WorkflowGraph.BOX_WIDTH + WorkflowGraph.GAP_X;
        assertThat(boxes.get("start").x()).isEqualTo(WorkflowGraph.MARGIN);
        assertThat(boxes.get("check").x()).isEqualTo(WorkflowGraph.MARGIN + column);
        assertThat(boxes.get("yes").x()).isEqualTo(boxes.get("no").x()).isEqualTo(WorkflowGraph.MARGIN + 2 * column);
        assertThat(boxes.get("yes").y()).isNotEqualTo(boxes.get("no").y());
        assertThat(boxes.get("end").x()).isEqualTo(WorkflowGraph.MARGIN + 3 * column);
        assertThat(boxes.get("orphan").x())
                .as("a node the start never reaches comes after the last column")
                .isEqualTo(WorkflowGraph.MARGIN + 4 * column);
        assertThat(boxes.get("check").title()).startsWith("Urgent?");
        assertThat(boxes.get("yes").title()).as("no title: the id").isEqualTo("yes");
    }

    @Test
    void a_layout_that_places_every_node_is_followed_shifted_to_the_margin() {
        String layout = ", \"layout\": {\"start\": {\"x\": 100, \"y\": 50}, \"check\": {\"x\": 300, \"y\": 50},"
                + " \"yes\": {\"x\": 500, \"y\": 0}, \"no\": {\"x\": 500, \"y\": 120}, \"end\": {\"x\": 700, \"y\": 50},"
                + " \"orphan\": {\"x\": 700, \"y\": 200}}";

        Map<String, WorkflowGraph.Box> boxes = WorkflowGraph.layout(read(BRANCHING.formatted(layout)));

        assertThat(boxes.get("start"))
                .extracting(WorkflowGraph.Box::x, WorkflowGraph.Box::y)
                .containsExactly(WorkflowGraph.MARGIN, WorkflowGraph.MARGIN + 50);
        assertThat(boxes.get("no"))
                .extracting(WorkflowGraph.Box::x, WorkflowGraph.Box::y)
                .containsExactly(WorkflowGraph.MARGIN + 400, WorkflowGraph.MARGIN + 120);
    }

    @Test
    void a_layout_missing_a_node_is_not_used() {
        String partial = ", \"layout\": {\"start\": {\"x\": 900, \"y\": 900}}";

        Map<String, WorkflowGraph.Box> boxes = WorkflowGraph.layout(read(BRANCHING.formatted(partial)));

        assertThat(boxes.get("start").x()).isEqualTo(WorkflowGraph.MARGIN);
    }

    @Test
    void the_svg_has_a_box_per_node_an_arrow_per_edge_with_its_port_and_outlines_problem_nodes() {
        String svg = WorkflowGraph.svg(read(BRANCHING.formatted("")), Set.of("no"), Map.of());

        assertThat(count(svg, "<g class=\"node")).isEqualTo(6);
        assertThat(count(svg, "<line class=\"edge\"")).isEqualTo(5);
        assertThat(svg).contains(">true</text>", ">false</text>");
        assertThat(svg).contains("<g class=\"node problem\" data-node=\"no\"");
        assertThat(count(svg, "class=\"node problem\"")).isEqualTo(1);
        assertThat(svg).contains(">condition</text>", ">transform</text>");
    }

    @Test
    void text_from_the_workflow_is_escaped() {
        String svg = WorkflowGraph.svg(read(BRANCHING.formatted("")), Set.of(), Map.of());

        assertThat(svg).doesNotContain("<script>", "<b>");
        assertThat(svg).contains("Urgent? &quot;&lt;script&gt;", "Branching &lt;b&gt;&amp;&lt;/b&gt;");
    }

    @Test
    void a_runs_statuses_colour_the_nodes_and_are_named_in_them() {
        String svg = WorkflowGraph.svg(
                read(BRANCHING.formatted("")), Set.of(), Map.of("start", "SUCCEEDED", "check", "FAILED"));

        assertThat(svg).containsPattern("data-node=\"start\" data-status=\"SUCCEEDED\"><rect [^>]*fill=\"#e6f4ea\"");
        assertThat(svg).containsPattern("data-node=\"check\" data-status=\"FAILED\"><rect [^>]*fill=\"#fdecea\"");
        assertThat(svg).contains(">condition · failed</text>");
        assertThat(svg).containsPattern("data-node=\"yes\"><rect [^>]*fill=\"#ffffff\"");
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

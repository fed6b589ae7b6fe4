package dev.switchboard.ui.workflow;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.ui.testsupport.ServedViewTest;
import dev.switchboard.workflow.WorkflowSummary;
import dev.switchboard.workflow.WorkflowVersion;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The library and the editor: search, create, live validation with the graph, and publishing. */
@ServedViewTest
class WorkflowsViewIT extends WorkflowViewTest {

    @Test
    void the_list_shows_the_persons_workflows_and_search_narrows_them_by_key() {
        String prefix = unique("listed");
        published(SIMPLE, prefix + "-one");
        draft(SIMPLE, prefix + "-two");

        UI.getCurrent().navigate(WorkflowsView.class);
        @SuppressWarnings("unchecked")
        Grid<WorkflowSummary> grid = byId(Grid.class, "workflows-grid");
        assertThat(_findAll(grid)).extracting(WorkflowSummary::key).contains("support-ticket-triage", prefix + "-one");

        enter(byId(TextField.class, "workflows-search"), prefix);

        assertThat(_findAll(grid)).extracting(WorkflowSummary::key).containsExactly(prefix + "-one", prefix + "-two");
        assertThat(text("workflows-count")).isEqualTo("2 workflows");
        int one = _findAll(grid).stream().map(WorkflowSummary::key).toList().indexOf(prefix + "-one");
        assertThat(_getFormatted(grid, one, "published")).isEqualTo("v1");
        assertThat(_getFormatted(grid, one, "draft")).isEqualTo("no");
        assertThat(_getFormatted(grid, one, "unit")).isEqualTo("Marketing");
        assertThat(_getFormatted(grid, 1 - one, "published")).isEqualTo("none");
        assertThat(_getFormatted(grid, 1 - one, "draft")).isEqualTo("yes");
    }

    @Test
    void a_new_workflow_starts_from_a_template_that_validates_and_opens_in_the_editor() {
        UI.getCurrent().navigate(WorkflowsView.class);
        _click(byId(Button.class, "workflows-new"));
        String name = "Fresh " + unique("flow");
        enter(byId(TextField.class, "new-workflow-name"), name);

        _click(byId(Button.class, "new-workflow-create"));

        expectView(WorkflowEditorView.class);
        WorkflowSummary created = store.list(name).getFirst();
        assertThat(created.orgUnitId()).isEqualTo(marketing.id().value());
        assertThat(created.key()).isEqualTo(name.toLowerCase().replace(' ', '-'));
        assertThat(text("editor-problem-count")).isEqualTo("No problems found.");
        assertThat(graph("editor-graph")).contains("data-node=\"start\"", "data-node=\"end\"");
    }

    @Test
    void a_dangling_reference_is_named_by_node_and_field_outlined_in_the_graph_and_publishing_is_refused() {
        WorkflowVersion v1 = draft(SIMPLE, unique("dangling"));
        UI.getCurrent().navigate("workflows/" + v1.workflowId());
        TextArea json = byId(TextArea.class, "editor-json");
        assertThat(text("editor-problem-count")).isEqualTo("No problems found.");
        assertThat(count(graph("editor-graph"), "<g class=\"node"))
                .as("a box per node")
                .isEqualTo(3);
        assertThat(graph("editor-graph")).doesNotContain("node problem");

        enter(json, json.getValue().replace("steps.write.output.text", "steps.wirte.output.text"));

        assertThat(text("editor-problem-count")).isEqualTo("1 problem to fix before publishing:");
        assertThat(text("editor-problem-0"))
                .startsWith("Node 'end', outputs.text: ")
                .contains("wirte");
        assertThat(graph("editor-graph")).contains("<g class=\"node problem\" data-node=\"end\"");
        assertThat(count(graph("editor-graph"), "node problem")).isEqualTo(1);

        _click(byId(Button.class, "editor-publish"));

        assertThat(getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(t -> assertThat(t).startsWith("The workflow has a problem: node 'end' outputs.text"));
        assertThat(store.versions(v1.workflowId())).noneMatch(WorkflowVersion::published);

        json = byId(TextArea.class, "editor-json");
        enter(json, json.getValue().replace("steps.wirte.output.text", "steps.write.output.text"));
        assertThat(text("editor-problem-count")).isEqualTo("No problems found.");
        _click(byId(Button.class, "editor-publish"));

        WorkflowVersion published = store.versions(v1.workflowId()).getLast();
        assertThat(published.published()).isTrue();
        assertThat(published.publishedBy()).isEqualTo("alice");
        assertThat(text("editor-state")).startsWith("Version 1 is published");
    }

    @Test
    void a_shared_workflow_is_read_only_for_a_designer() {
        WorkflowSummary triage = store.list("support-ticket-triage").getFirst();

        UI.getCurrent().navigate("workflows/" + triage.id());

        assertThat(text("editor-read-only")).contains("platform admins only");
        assertThat(byId(TextArea.class, "editor-json").isReadOnly()).isTrue();
        _assertNone(Button.class, spec -> spec.withId("editor-publish"));
        assertThat(count(graph("editor-graph"), "<g class=\"node"))
                .as(byId(Div.class, "editor-problems").getElement().getTextRecursively())
                .isEqualTo(9);
    }

    static int count(String text, String part) {
        return (int)
                Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}

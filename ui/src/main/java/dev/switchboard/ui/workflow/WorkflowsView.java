package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.ui.shell.MainLayout;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowSummary;
import dev.switchboard.workflow.WorkflowVersion;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Workflows → the library: every workflow the person may read (their units' and the shared ones),
 * found by key or name; designers create one from a minimal template or import its JSON. A name opens
 * the editor; a published workflow can be run from here.
 */
@Route(value = "workflows", layout = MainLayout.class)
@PageTitle("Workflows | Switchboard")
@PermitAll
public class WorkflowsView extends VerticalLayout {

    private final WorkflowStore store;
    private final PromptScope scope;
    private final TextField search = new TextField();
    private final Grid<WorkflowSummary> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    WorkflowsView(WorkflowStore store, PromptScope scope) {
        this.store = store;
        this.scope = scope;
        setSizeFull();
        count.setId("workflows-count");
        count.addClassName("sb-quiet");
        configureGrid();
        add(new H2("Workflows"), toolbar(), count, grid);
        refresh();
    }

    private HorizontalLayout toolbar() {
        search.setId("workflows-search");
        search.setPlaceholder("Search key or name");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22rem");
        search.addValueChangeListener(change -> refresh());
        HorizontalLayout bar = new HorizontalLayout(search);
        if (!scope.owners().isEmpty()) {
            Button create = new Button(
                    "New workflow", click -> new NewWorkflowDialog(store, scope.owners(), this::open).open());
            create.setId("workflows-new");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            Button importJson = new Button(
                    "Import JSON", click -> new ImportWorkflowDialog(store, scope.owners(), this::open).open());
            importJson.setId("workflows-import");
            bar.add(create, importJson);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void configureGrid() {
        grid.setId("workflows-grid");
        grid.addComponentColumn(s -> {
                    RouterLink link = new RouterLink(s.name(), WorkflowEditorView.class, id(s));
                    link.setId("workflow-open-" + s.key());
                    return link;
                })
                .setHeader("Name")
                .setKey("name")
                .setFlexGrow(2);
        grid.addColumn(WorkflowSummary::key).setHeader("Key").setKey("key").setFlexGrow(2);
        grid.addColumn(s -> scope.label(unit(s))).setHeader("Org unit").setKey("unit");
        grid.addColumn(s -> s.publishedVersion() == null ? "none" : "v" + s.publishedVersion())
                .setHeader("Published")
                .setKey("published");
        grid.addColumn(s -> s.draftOpen() ? "yes" : "no").setHeader("Draft").setKey("draft");
        grid.addColumn(s -> Texts.time(s.updatedAt()))
                .setHeader("Updated (UTC)")
                .setKey("updated");
        grid.addComponentColumn(s -> {
                    RouterLink run = new RouterLink("Run", RunFormView.class, id(s));
                    run.setId("workflow-run-" + s.key());
                    run.setVisible(s.publishedVersion() != null && scope.runner());
                    return run;
                })
                .setKey("run");
    }

    private void refresh() {
        List<WorkflowSummary> shown = store.list(search.getValue());
        grid.setItems(shown);
        count.setText(shown.size() + (shown.size() == 1 ? " workflow" : " workflows"));
    }

    private void open(WorkflowVersion version) {
        getUI().ifPresent(ui -> ui.navigate(
                WorkflowEditorView.class,
                new RouteParameters(WorkflowEditorView.ID, version.workflowId().toString())));
    }

    static OrgUnitId unit(WorkflowSummary s) {
        return s.orgUnitId() == null ? null : new OrgUnitId(s.orgUnitId());
    }

    static RouteParameters id(WorkflowSummary s) {
        return new RouteParameters(WorkflowEditorView.ID, s.id().toString());
    }
}

package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.ui.shell.MainLayout;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.WorkflowRuns;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Runs → every run the person may read, newest first, found by workflow, status, org unit and the UTC
 * days it started in. A run opens its monitor.
 */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs | Switchboard")
@PermitAll
public class RunsView extends VerticalLayout {

    static final List<String> STATUSES =
            List.of("RUNNING", "WAITING_FOR_APPROVAL", "WAITING_FOR_BUDGET", "SUCCEEDED", "FAILED", "CANCELLED");

    private final WorkflowRuns runs;
    private final PromptScope scope;
    private final ComboBox<WorkflowSummary> workflow = new ComboBox<>("Workflow");
    private final Select<String> status = new Select<>();
    private final ComboBox<PromptScope.Owner> unit = new ComboBox<>("Org unit");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Grid<Run> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    RunsView(WorkflowRuns runs, WorkflowStore store, PromptScope scope, OrgService org) {
        this.runs = runs;
        this.scope = scope;
        setSizeFull();
        workflow.setId("runs-workflow");
        workflow.setItems(store.list(null));
        workflow.setItemLabelGenerator(WorkflowSummary::key);
        workflow.setClearButtonVisible(true);
        status.setId("runs-status");
        status.setLabel("Status");
        status.setItems(STATUSES);
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        unit.setId("runs-unit");
        unit.setItems(org.list(true).stream()
                .map(u -> new PromptScope.Owner(u.id(), scope.label(u.id())))
                .toList());
        unit.setItemLabelGenerator(PromptScope.Owner::label);
        unit.setClearButtonVisible(true);
        from.setId("runs-from");
        to.setId("runs-to");
        List.of(workflow, unit).forEach(box -> box.addValueChangeListener(change -> refresh()));
        status.addValueChangeListener(change -> refresh());
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(workflow, status, unit, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        count.setId("runs-count");
        count.addClassName("sb-quiet");
        configureGrid();
        add(new H2("Runs"), filters, count, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("runs-grid");
        grid.addComponentColumn(r -> {
                    RouterLink link = new RouterLink(
                            Texts.time(r.startedAt()),
                            RunMonitorView.class,
                            new RouteParameters(RunMonitorView.RUN, r.id().toString()));
                    link.setId("run-open-" + r.id());
                    return link;
                })
                .setHeader("Started (UTC)")
                .setKey("started");
        grid.addColumn(r -> r.workflowKey() + " v" + r.version())
                .setHeader("Workflow")
                .setKey("workflow");
        grid.addColumn(Run::status).setHeader("Status").setKey("status");
        grid.addColumn(r -> scope.label(new OrgUnitId(r.orgUnitId())))
                .setHeader("Org unit")
                .setKey("unit");
        grid.addColumn(Run::startedBy).setHeader("Started by").setKey("by");
        grid.addColumn(r -> Formats.money(r.costMicros(), r.currency()))
                .setHeader("Cost")
                .setKey("cost");
    }

    private void refresh() {
        List<Run> shown = runs.search(
                workflow.getValue() == null ? null : workflow.getValue().id(),
                status.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(),
                start(from.getValue()),
                start(to.getValue() == null ? null : to.getValue().plusDays(1)));
        grid.setItems(shown);
        count.setText(shown.size() + (shown.size() == 1 ? " run" : " runs"));
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

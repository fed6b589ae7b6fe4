package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.prompt.Attempts;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.ui.shell.MainLayout;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.Step;
import dev.switchboard.workflow.WorkflowRuns;
import dev.switchboard.workflow.WorkflowStore;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs → one run: its status, inputs, outputs, error and cost, each step (attempts, tokens, cost, time,
 * output or error), and the graph with every node coloured by its step's status. While the run goes on
 * the page asks the server again every second (Vaadin's poll: the app enables no server push); Cancel
 * stops a run that goes on, Retry runs a failed or cancelled one again from where it stopped.
 */
@Route(value = "runs/:runId", layout = MainLayout.class)
@PageTitle("Run | Switchboard")
@PermitAll
public class RunMonitorView extends VerticalLayout implements BeforeEnterObserver {

    static final String RUN = "runId";
    static final int POLL_MILLIS = 1_000;

    private final WorkflowRuns runs;
    private final WorkflowStore store;
    private final PromptScope scope;
    private final Clock clock;
    private final H2 title = new H2();
    private final Paragraph status = new Paragraph();
    private final Paragraph about = new Paragraph();
    private final Paragraph cost = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Pre inputs = new Pre();
    private final Pre outputs = new Pre();
    private final Grid<Step> steps = new Grid<>();
    private final Div graph = new Div();
    private final Button cancel = new Button("Cancel run", click -> cancel());
    private final Button retry = new Button("Retry from the failed step", click -> retry());
    private Run run;
    private Registration polling;

    RunMonitorView(WorkflowRuns runs, WorkflowStore store, PromptScope scope, Clock clock) {
        this.runs = runs;
        this.store = store;
        this.scope = scope;
        this.clock = clock;
        setWidthFull();
        title.setId("run-title");
        status.setId("run-status");
        about.setId("run-about");
        about.addClassName("sb-quiet");
        cost.setId("run-cost");
        error.setId("run-error");
        error.addClassName("sb-error");
        inputs.setId("run-inputs");
        outputs.setId("run-outputs");
        graph.setId("run-graph");
        cancel.setId("run-cancel");
        cancel.addThemeVariants(ButtonVariant.ERROR);
        retry.setId("run-retry");
        configureSteps();
    }

    private void configureSteps() {
        steps.setId("run-steps");
        steps.setAllRowsVisible(true);
        steps.addColumn(Step::stepKey).setHeader("Step").setKey("step");
        steps.addColumn(Step::kind).setHeader("Kind").setKey("kind");
        steps.addColumn(Step::status).setHeader("Status").setKey("status");
        steps.addColumn(Step::attempts).setHeader("Attempts").setKey("attempts");
        steps.addColumn(s -> s.inputTokens() + " in · " + s.outputTokens() + " out")
                .setHeader("Tokens")
                .setKey("tokens");
        steps.addColumn(s -> s.currency() == null ? "" : Formats.money(s.costMicros(), s.currency()))
                .setHeader("Cost")
                .setKey("cost");
        steps.addColumn(s -> Texts.duration(s.startedAt(), s.endedAt(), clock.instant()))
                .setHeader("Duration")
                .setKey("duration");
        steps.addColumn(s -> s.error() != null ? s.error() : Texts.preview(s.outputJson(), 120))
                .setHeader("Output or error")
                .setKey("output")
                .setFlexGrow(3);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<UUID> id = event.getRouteParameters().get(RUN).flatMap(Texts::uuid);
        run = id.map(runId -> Attempts.attempt(() -> runs.get(runId))).orElse(null);
        if (run == null) {
            Paragraph missing = new Paragraph("This run does not exist, or it is not yours to read.");
            missing.setId("run-missing");
            missing.addClassName("sb-error");
            add(missing);
            return;
        }
        add(title, status, about, cost, error, new HorizontalLayout(cancel, retry));
        add(new RouterLink("All runs", RunsView.class), new H3("Steps"), steps, new H3("Graph"), graph);
        add(new H3("Inputs"), inputs, new H3("Outputs"), outputs);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        polling = ui.addPollListener(poll -> refresh());
        ui.setPollInterval(run == null || run.finished() ? -1 : POLL_MILLIS);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /** Reads the run and its steps again and shows them; polling stops once the run has ended. */
    void refresh() {
        if (run == null) {
            return;
        }
        run = runs.get(run.id());
        List<Step> done = runs.steps(run.id());
        title.setText("Run of " + run.workflowKey() + " v" + run.version());
        status.setText("Status: " + run.status());
        about.setText("Started by " + run.startedBy() + " · " + Texts.time(run.startedAt()) + " UTC"
                + (run.endedAt() == null ? "" : " · ended " + Texts.time(run.endedAt()) + " UTC")
                + " · charged to " + scope.label(new OrgUnitId(run.orgUnitId()))
                + (run.retryOf() == null ? "" : " · retries run " + run.retryOf()));
        cost.setText("Total cost: " + Formats.money(run.costMicros(), run.currency()));
        error.setText(
                run.error() == null
                        ? ""
                        : "Error" + (run.failedNode() == null ? "" : " at node '" + run.failedNode() + "'") + ": "
                                + run.error());
        error.setVisible(run.error() != null);
        inputs.setText(Texts.pretty(run.inputsJson()));
        outputs.setText(run.outputsJson() == null ? "(none yet)" : Texts.pretty(run.outputsJson()));
        steps.setItems(done);
        cancel.setVisible(!run.finished());
        retry.setVisible("FAILED".equals(run.status()) || "CANCELLED".equals(run.status()));
        graph.removeAll();
        graph.add(WorkflowGraph.of(
                store.version(run.workflowId(), run.version()).definition(), Set.of(), nodeStatuses(done)));
        getUI().ifPresent(ui -> ui.setPollInterval(run.finished() ? -1 : POLL_MILLIS));
    }

    /** Each node's latest step status (a map's items and a loop's passes are steps of one node). */
    static Map<String, String> nodeStatuses(List<Step> steps) {
        Map<String, String> statuses = new LinkedHashMap<>();
        steps.forEach(s -> statuses.put(s.nodeId(), s.status()));
        return statuses;
    }

    private void cancel() {
        if (Attempts.attempt(() -> runs.cancel(run.id())) != null) {
            Toasts.success("Cancelling the run");
            refresh();
        }
    }

    private void retry() {
        Run again = Attempts.attempt(() -> runs.retry(run.id()));
        if (again != null) {
            Toasts.success("Retrying as run " + again.id());
            getUI().ifPresent(ui -> ui.navigate(
                    RunMonitorView.class, new RouteParameters(RUN, again.id().toString())));
        }
    }
}

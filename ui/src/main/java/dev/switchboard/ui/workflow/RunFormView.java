package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.UnitAccess;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.ValuesForm;
import dev.switchboard.ui.prompt.Attempts;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.ui.shell.MainLayout;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.WorkflowExceptions;
import dev.switchboard.workflow.WorkflowRuns;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowSummary;
import dev.switchboard.workflow.WorkflowVersion;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workflows → run a workflow: a form made from the typed inputs of its newest published version, the
 * org unit to charge (one of the person's own), and Start, which opens the run's monitor. What an input
 * does not accept is said on that input, by the form as typed or by the backend when it refuses.
 */
@Route(value = "workflows/:id/run", layout = MainLayout.class)
@PageTitle("Run a workflow | Switchboard")
@PermitAll
public class RunFormView extends WorkflowPage {

    private static final String INPUTS = "inputs.";

    private final WorkflowRuns runs;
    private final UnitAccess access;
    private final OrgService org;
    private final ComboBox<PromptScope.Owner> chargeTo = new ComboBox<>("Charge to");
    private ValuesForm form;
    private WorkflowSummary summary;

    RunFormView(WorkflowStore store, PromptScope scope, WorkflowRuns runs, UnitAccess access, OrgService org) {
        super(store, scope);
        this.runs = runs;
        this.access = access;
        this.org = org;
        chargeTo.setId("run-charge-to");
        chargeTo.setItemLabelGenerator(PromptScope.Owner::label);
        chargeTo.setWidth("22rem");
    }

    @Override
    void build(WorkflowSummary shown) {
        this.summary = shown;
        if (!scope.runner()) {
            add(notice("Only platform admins, designers and operators run workflows: runs cost money."));
            return;
        }
        if (shown.publishedVersion() == null) {
            add(notice("This workflow has no published version yet: publish it in the editor first."));
            return;
        }
        WorkflowVersion version = store.newestPublished(shown.id());
        add(new H3("Run version " + version.number()));
        form = new ValuesForm(version.definition().inputs(), () -> {});
        form.setId("run-inputs");
        if (version.definition().inputs().isEmpty()) {
            add(new Paragraph("This workflow takes no inputs."));
        }
        List<PromptScope.Owner> units = chargeableUnits();
        chargeTo.setItems(units);
        if (!units.isEmpty()) {
            chargeTo.setValue(units.getFirst());
        }
        Button start = new Button("Start", click -> start());
        start.setId("run-start");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        add(form, chargeTo, start);
    }

    /** The person's own units (a platform admin may charge any); the backend checks the same rule. */
    private List<PromptScope.Owner> chargeableUnits() {
        UnitAccess.Caller caller = access.caller();
        Set<?> own = caller.memberships();
        return org.list(false).stream()
                .filter(u -> caller.admin() || own.contains(u.id()))
                .sorted(Comparator.comparing((OrgUnit u) -> !own.contains(u.id())))
                .map(u -> new PromptScope.Owner(u.id(), scope.label(u.id())))
                .toList();
    }

    private void start() {
        ObjectNode inputs = form.object().orElse(null);
        if (inputs == null) {
            return;
        }
        Run run = Attempts.attempt(() -> {
            try {
                return runs.start(
                        summary.id(),
                        null,
                        inputs,
                        chargeTo.getValue() == null ? null : chargeTo.getValue().id());
            } catch (WorkflowExceptions.BadInput refused) {
                String field = refused.field() == null ? "" : refused.field();
                String message = ExpectedProblems.sentence(refused.getMessage());
                if (!field.startsWith(INPUTS) || !form.mark(field.substring(INPUTS.length()), message)) {
                    Toasts.problem(message);
                }
                return null;
            }
        });
        if (run != null) {
            Toasts.success("Started run " + run.id());
            getUI().ifPresent(ui -> ui.navigate(
                    RunMonitorView.class,
                    new RouteParameters(RunMonitorView.RUN, run.id().toString())));
        }
    }

    private static Paragraph notice(String text) {
        Paragraph notice = new Paragraph(text);
        notice.setId("run-unavailable");
        return notice;
    }
}

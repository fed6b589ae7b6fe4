package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.switchboard.prompts.Variable;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.ValuesForm;
import dev.switchboard.ui.prompt.Attempts;
import dev.switchboard.ui.shell.MainLayout;
import dev.switchboard.workflow.Approval;
import dev.switchboard.workflow.WorkflowExceptions;
import dev.switchboard.workflow.WorkflowRuns;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Approvals → the decisions waiting for the person (their role, their units): each with its workflow,
 * instructions and due time, the form the workflow asks to fill in, and Approve or Reject with a
 * comment. One decision wins: when someone decided first, the page says so and shows the inbox anew.
 */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals | Switchboard")
@PermitAll
public class ApprovalsView extends VerticalLayout {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkflowRuns runs;
    private final VerticalLayout inbox = new VerticalLayout();

    ApprovalsView(WorkflowRuns runs) {
        this.runs = runs;
        setWidthFull();
        inbox.setId("approvals-inbox");
        inbox.setPadding(false);
        add(new H2("Approvals"), inbox);
        refresh();
    }

    private void refresh() {
        inbox.removeAll();
        List<Approval> open = runs.inbox();
        Paragraph count = new Paragraph(
                open.isEmpty()
                        ? "Nothing is waiting for your decision."
                        : open.size() + (open.size() == 1 ? " decision waits" : " decisions wait") + " for you.");
        count.setId("approvals-count");
        inbox.add(count);
        open.forEach(task -> inbox.add(card(task)));
    }

    private VerticalLayout card(Approval task) {
        String prefix = "approval-" + task.id() + "-";
        H3 title = new H3(task.workflowKey() + " · " + (task.title() == null ? task.stepKey() : task.title()));
        Paragraph instructions = new Paragraph(task.instructions() == null ? "" : task.instructions());
        instructions.setId(prefix + "instructions");
        Paragraph due = new Paragraph("Waiting since " + Texts.time(task.createdAt()) + " UTC · due "
                + Texts.time(task.dueAt()) + " UTC"
                + (task.role() == null ? "" : " · for the role " + task.role()));
        due.addClassName("sb-quiet");
        RouterLink run = new RouterLink(
                "Open the run",
                RunMonitorView.class,
                new RouteParameters(RunMonitorView.RUN, task.runId().toString()));
        ValuesForm form = new ValuesForm(prefix + "field-", fields(task), () -> {});
        TextField comment = new TextField("Comment");
        comment.setId(prefix + "comment");
        comment.setWidth("30rem");
        Button approve = new Button("Approve", click -> decide(task, form, comment, true));
        approve.setId(prefix + "approve");
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        Button reject = new Button("Reject", click -> decide(task, form, comment, false));
        reject.setId(prefix + "reject");
        reject.addThemeVariants(ButtonVariant.ERROR);
        VerticalLayout card =
                new VerticalLayout(title, instructions, due, run, form, comment, new HorizontalLayout(approve, reject));
        card.setId(prefix + "card");
        card.getStyle().set("border", "1px solid var(--aura-contrast-20, #ddd)").set("border-radius", "8px");
        return card;
    }

    /** The form the approval node declares: a JSON list of typed fields. */
    static List<Variable> fields(Approval task) {
        if (task.fieldsJson() == null || task.fieldsJson().isBlank()) {
            return List.of();
        }
        try {
            return JSON.readerForListOf(Variable.class).readValue(task.fieldsJson());
        } catch (JacksonException unreadable) {
            // the engine wrote it from a validated workflow; a form we cannot read is no form, not a crash
            return List.of();
        }
    }

    private void decide(Approval task, ValuesForm form, TextField comment, boolean approve) {
        ObjectNode fields = form.object().orElse(null);
        if (fields == null) {
            return;
        }
        Approval decided = Attempts.attempt(() -> {
            try {
                return runs.decide(task.id(), approve, comment.getValue(), fields);
            } catch (WorkflowExceptions.Clash lost) {
                Toasts.problem("Someone decided this first: " + ExpectedProblems.sentence(lost.getMessage()));
                return null;
            }
        });
        if (decided != null) {
            Toasts.success((approve ? "Approved" : "Rejected") + ": " + task.workflowKey());
        }
        refresh();
    }
}

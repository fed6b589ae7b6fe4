package dev.switchboard.ui.workflow;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.ui.testsupport.ServedViewTest;
import dev.switchboard.workflow.Approval;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.WorkflowVersion;
import org.junit.jupiter.api.Test;

/** The approvals inbox: a waiting run's decision made from the page, and a decision someone made first. */
@ServedViewTest
class ApprovalsViewIT extends WorkflowViewTest {

    @Test
    void a_run_waiting_on_an_approval_shows_in_alices_inbox_and_approving_it_lets_the_run_finish() {
        Approval task = waitingApproval("spring sale");
        String card = "approval-" + task.id() + "-";

        UI.getCurrent().navigate(ApprovalsView.class);

        assertThat(text(card + "instructions")).isEqualTo("Approve copy for spring sale");
        enter(byId(TextField.class, card + "field-note"), "ship it");
        enter(byId(TextField.class, card + "comment"), "fine");
        _click(byId(Button.class, card + "approve"));

        Run done = awaitStatus(task.runId(), "SUCCEEDED");
        assertThat(json(done.outputsJson()).path("note").asString()).isEqualTo("ship it");
        assertThat(json(done.outputsJson()).path("by").asString()).isEqualTo("alice");
        _assertNone(VerticalLayout.class, spec -> spec.withId(card + "card"));
    }

    @Test
    void a_decision_someone_made_first_is_explained_and_the_task_leaves_the_inbox() {
        Approval task = waitingApproval("winter sale");
        String card = "approval-" + task.id() + "-";
        UI.getCurrent().navigate(ApprovalsView.class);

        runs.decide(task.id(), true, "decided elsewhere", null);
        _click(byId(Button.class, card + "reject"));

        assertThat(getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(t ->
                        assertThat(t).startsWith("Someone decided this first").contains("no longer open"));
        _assertNone(VerticalLayout.class, spec -> spec.withId(card + "card"));
        assertThat(json(awaitStatus(task.runId(), "SUCCEEDED").outputsJson())
                        .path("by")
                        .asString())
                .as("the first decision took the approved branch")
                .isEqualTo("alice");
    }

    private Approval waitingApproval(String brief) {
        WorkflowVersion v1 = published(APPROVAL, unique("approve"));
        Run run = runs.start(v1.workflowId(), null, json("{\"brief\": \"" + brief + "\"}"), null);
        awaitStatus(run.id(), "WAITING_FOR_APPROVAL");
        return runs.inbox().stream()
                .filter(a -> a.runId().equals(run.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("alice's inbox has no approval of run " + run.id()));
    }
}

package dev.switchboard.ui.workflow;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.ui.testsupport.ServedViewTest;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.Step;
import dev.switchboard.workflow.WorkflowVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The run form, the monitor of a run on the embedded Temporal server, and cancelling from the monitor. */
@ServedViewTest
class RunViewsIT extends WorkflowViewTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_run_form_is_made_from_the_typed_inputs_and_each_refused_value_is_said_on_its_input() {
        WorkflowVersion v1 = published(SIMPLE, unique("form"));
        UI.getCurrent().navigate("workflows/" + v1.workflowId() + "/run");
        TextField topic = byId(TextField.class, "value-topic");
        BigDecimalField count = byId(BigDecimalField.class, "value-count");
        @SuppressWarnings("unchecked")
        ComboBox<PromptScope.Owner> chargeTo = byId(ComboBox.class, "run-charge-to");
        assertThat(chargeTo.getValue().label()).isEqualTo("Marketing");
        assertThat(count.getHelperText()).contains("default: 1");

        // a number is typed into a number field (the browser's number input takes no letters)
        assertThat(count.getValue()).as("empty: the default applies").isNull();
        TextArea context = byId(TextArea.class, "value-context");
        enter(context, "{not json");
        enter(topic, "spring");
        _click(byId(Button.class, "run-start"));

        assertThat(context.isInvalid()).isTrue();
        assertThat(context.getErrorMessage()).startsWith("Expected JSON");
        assertThat(runsOf(v1)).as("nothing started").isEmpty();

        enter(context, "{\"tone\": \"dry\"}");
        enter(count, new BigDecimal("2"));
        enter(topic, "");
        _click(byId(Button.class, "run-start"));

        assertThat(context.isInvalid()).isFalse();
        assertThat(topic.isInvalid())
                .as("the backend's refusal is said on the input")
                .isTrue();
        assertThat(topic.getErrorMessage()).isEqualTo("This input is required");
        assertThat(runsOf(v1)).isEmpty();
    }

    @Test
    void a_started_run_opens_its_monitor_which_shows_it_succeeded_with_each_steps_cost_as_the_ledger_charged() {
        WorkflowVersion v1 = published(SIMPLE, unique("monitored"));
        UI.getCurrent().navigate("workflows/" + v1.workflowId() + "/run");
        enter(byId(TextField.class, "value-topic"), "budgets");

        _click(byId(Button.class, "run-start"));

        expectView(RunMonitorView.class);
        Run run = awaitStatus(runsOf(v1).getFirst().id(), "SUCCEEDED");
        poll();
        assertThat(text("run-status")).isEqualTo("Status: SUCCEEDED");
        Map<String, Long> ledger = ledgerPerStep(run.id());
        assertThat(ledger).containsOnlyKeys("write");
        assertThat(ledger.get("write")).isPositive();
        @SuppressWarnings("unchecked")
        Grid<Step> steps = byId(Grid.class, "run-steps");
        List<Step> shown = _findAll(steps);
        int write = shown.stream().map(Step::stepKey).toList().indexOf("write");
        assertThat(_getFormatted(steps, write, "status")).isEqualTo("SUCCEEDED");
        assertThat(_getFormatted(steps, write, "cost")).isEqualTo(Formats.money(ledger.get("write"), run.currency()));
        assertThat(text("run-cost")).isEqualTo("Total cost: " + Formats.money(ledger.get("write"), run.currency()));
        _assertNone(Button.class, spec -> spec.withId("run-cancel"));
        assertThat(graph("run-graph")).contains("data-node=\"write\" data-status=\"SUCCEEDED\"");
    }

    @Test
    void a_waiting_run_is_cancelled_from_its_monitor_and_may_then_be_retried() {
        WorkflowVersion v1 = published(APPROVAL, unique("cancelled"));
        Run run = runs.start(v1.workflowId(), null, json("{\"brief\": \"autumn\"}"), null);
        awaitStatus(run.id(), "WAITING_FOR_APPROVAL");
        UI.getCurrent().navigate("runs/" + run.id());
        assertThat(text("run-status")).isEqualTo("Status: WAITING_FOR_APPROVAL");
        _assertNone(Button.class, spec -> spec.withId("run-retry"));

        _click(byId(Button.class, "run-cancel"));

        awaitStatus(run.id(), "CANCELLED");
        poll();
        assertThat(text("run-status")).isEqualTo("Status: CANCELLED");
        _assertNone(Button.class, spec -> spec.withId("run-cancel"));
        assertThat(byId(Button.class, "run-retry").isEnabled()).isTrue();
    }

    private List<Run> runsOf(WorkflowVersion version) {
        return runs.search(version.workflowId(), null, null, null, null);
    }

    private Map<String, Long> ledgerPerStep(UUID run) {
        return jdbc
                .sql("SELECT step_id, SUM(retail_micros) AS micros FROM usage_ledger WHERE workflow_run_id = :run"
                        + " GROUP BY step_id")
                .param("run", run.toString())
                .query((rs, i) -> Map.entry(rs.getString("step_id"), rs.getLong("micros")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** What the browser does every second while a run goes on. */
    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }
}

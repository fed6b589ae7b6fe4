package dev.switchboard.workflow;

import static dev.switchboard.workflow.WorkflowFixture.alice;
import static dev.switchboard.workflow.WorkflowFixture.chargesPerStep;
import static dev.switchboard.workflow.WorkflowFixture.key;
import static dev.switchboard.workflow.WorkflowFixture.publish;
import static dev.switchboard.workflow.WorkflowFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.workflow.engine.StepActivities;
import dev.switchboard.workflow.engine.StepCall;
import dev.switchboard.workflow.engine.StepResult;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A model step's activity run again, as Temporal does after a worker crash: it never charges twice,
 * whether the first attempt's step row was written (its output is reused) or lost (the call is made
 * again under the same request id, which the ledger takes once).
 */
@IntegrationTest
class StepIdempotencyIT {

    static final String NODE = """
            {"kind": "llm", "id": "draft", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 20},
             "messages": [{"role": "user", "content": "Draft"}]}""";
    static final String INPUT =
            "{\"messages\": [{\"role\": \"user\", \"content\": \"Draft a tagline\"}], \"variables\": {}}";

    @LocalServerPort
    int port;

    @Autowired
    StepActivities steps;

    @Autowired
    JdbcClient jdbc;

    UUID aFinishedRun() {
        ApiClient alice = alice(port);
        UUID marketing = unit(port, "Marketing");
        UUID workflow = publish(alice, marketing, """
                {"schemaVersion": 1, "key": "%s", "name": "Host run",
                 "nodes": [{"id": "start", "kind": "start"}, {"id": "end", "kind": "end"}],
                 "edges": [{"from": "start", "to": "end"}]}""".formatted(key("host")));
        return UUID.fromString(alice.post("/api/v1/workflows/" + workflow + "/runs", Map.of("wait", true))
                .text("id"));
    }

    StepCall call(UUID run, String orgUnit) {
        return new StepCall(run.toString(), "draft", "draft", "llm", NODE, INPUT, orgUnit, null);
    }

    String unitOf(UUID run) {
        return jdbc.sql("SELECT org_unit_id::text FROM workflow_run WHERE id = :id")
                .param("id", run)
                .query(String.class)
                .single();
    }

    @Test
    void a_step_run_again_after_it_succeeded_returns_its_stored_output_without_a_second_call() {
        UUID run = aFinishedRun();
        StepCall call = call(run, unitOf(run));

        StepResult first = steps.llm(call);
        StepResult again = steps.llm(call);

        assertThat(WorkflowFixture.JSON.readTree(again.outputJson()))
                .isEqualTo(WorkflowFixture.JSON.readTree(first.outputJson()));
        assertThat(again.costMicros()).isEqualTo(first.costMicros());
        assertThat(chargesPerStep(jdbc, run)).isEqualTo(Map.of("draft", 1L));
    }

    @Test
    void a_step_whose_row_was_lost_calls_again_under_the_same_request_id_and_is_charged_once() {
        UUID run = aFinishedRun();
        StepCall call = call(run, unitOf(run));
        steps.llm(call);
        // the crash: the call was settled, but the step's outcome never reached the journal
        jdbc.sql("DELETE FROM workflow_step WHERE run_id = :run AND step_key = 'draft'")
                .param("run", run)
                .update();

        StepResult again = steps.llm(call);

        assertThat(again.costMicros()).isPositive();
        assertThat(chargesPerStep(jdbc, run)).isEqualTo(Map.of("draft", 1L));
    }
}

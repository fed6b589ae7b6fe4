package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays stored histories of real runs (recorded by {@code WorkflowRunIT} with {@code
 * -Dswitchboard.record-histories=<dir>}) against today's interpreter. A change that would make an
 * old run take a different path fails here; guard it with {@code Workflow.getVersion}.
 */
class InterpreterReplayTest {

    static List<Path> histories() throws IOException, URISyntaxException {
        Path dir = Path.of(InterpreterReplayTest.class.getResource("/histories").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void every_stored_history_replays_against_the_current_interpreter() throws Exception {
        List<Path> histories = histories();
        assertThat(histories).as("recorded histories").isNotEmpty();
        for (Path history : histories) {
            WorkflowReplayer.replayWorkflowExecution(Files.readString(history), InterpreterWorkflowImpl.class);
        }
    }

    @Test
    void an_interpreter_that_would_take_another_path_fails_the_replay() throws Exception {
        String history = Files.readString(histories().getFirst());

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, SkipsEveryStep.class))
                .isInstanceOf(RuntimeException.class);
    }

    /** An "interpreter" that ends every run at once: what an unguarded behaviour change looks like. */
    public static class SkipsEveryStep implements InterpreterWorkflow {
        @Override
        public RunOutcome run(RunRequest request) {
            return new RunOutcome("SUCCEEDED", "{}", null, null);
        }

        @Override
        public void decide(ApprovalDecision decision) {}

        @Override
        public void budgetChanged() {}

        @Override
        public String phase() {
            return "done";
        }
    }
}

package dev.switchboard.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.prompts.BundledPrompts;
import dev.switchboard.prompts.Variable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BundledWorkflowsTest {

    /** What a fresh install has: the bundled prompt library, no other workflows, the HTTP connector. */
    static final WorkflowCatalog FRESH_INSTALL = new WorkflowCatalog() {
        @Override
        public Optional<List<Variable>> promptVariables(String key, Integer version) {
            return BundledPrompts.all().stream()
                    .filter(b -> b.template().key().equals(key))
                    .map(b -> b.template().variables())
                    .findFirst();
        }

        @Override
        public boolean workflowPublished(String key, Integer version) {
            return false;
        }

        @Override
        public Set<String> connectorActions(String connector) {
            return connector.equals("http") ? Set.of("request") : Set.of();
        }
    };

    @Test
    void every_bundled_workflow_reads_and_validates_against_the_bundled_prompt_library() {
        for (String file : BundledWorkflows.FILES) {
            WorkflowDocuments.Read read = WorkflowDocuments.read(BundledWorkflows.json(file));
            assertThat(read.problems()).as(file).isEmpty();
            assertThat(WorkflowValidator.validate(read.definition(), FRESH_INSTALL))
                    .as(file)
                    .isEmpty();
            assertThat(file).isEqualTo(read.definition().key() + ".json");
        }
    }

    @Test
    void every_bundled_workflow_written_out_as_export_gives_it_reads_back_as_the_same_workflow() {
        for (String file : BundledWorkflows.FILES) {
            WorkflowDefinition definition =
                    WorkflowDocuments.read(BundledWorkflows.json(file)).definition();

            WorkflowDocuments.Read again = WorkflowDocuments.read(WorkflowDocuments.write(definition));

            assertThat(again.problems()).as(file).isEmpty();
            assertThat(again.definition()).as(file).isEqualTo(definition);
        }
    }
}

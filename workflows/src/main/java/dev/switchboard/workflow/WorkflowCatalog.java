package dev.switchboard.workflow;

import dev.switchboard.prompts.Variable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a workflow may refer to outside itself, as the validator asks about it: published prompt
 * templates, other workflows and connectors.
 */
public interface WorkflowCatalog {

    /** The variables of a published prompt version ({@code null}: the newest); empty when there is none. */
    Optional<List<Variable>> promptVariables(String key, Integer version);

    /** Whether a published version of the workflow exists ({@code null} version: any). */
    boolean workflowPublished(String key, Integer version);

    /** The actions of a connector type; empty when no such connector is installed. */
    Set<String> connectorActions(String connector);

    /** A catalog that knows nothing: every outside reference is reported. */
    WorkflowCatalog EMPTY = new WorkflowCatalog() {
        @Override
        public Optional<List<Variable>> promptVariables(String key, Integer version) {
            return Optional.empty();
        }

        @Override
        public boolean workflowPublished(String key, Integer version) {
            return false;
        }

        @Override
        public Set<String> connectorActions(String connector) {
            return Set.of();
        }
    };
}

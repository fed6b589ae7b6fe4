package dev.switchboard.workflow;

import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompts.Variable;
import dev.switchboard.workflow.engine.ConnectorSteps;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The validator's view of the platform: published prompts and workflows, installed connectors. */
@Component
class CatalogOfPlatform implements WorkflowCatalog {

    private final PromptLibrary prompts;
    private final WorkflowRepository workflows;
    private final ConnectorSteps connectors;

    CatalogOfPlatform(PromptLibrary prompts, WorkflowRepository workflows, ConnectorSteps connectors) {
        this.prompts = prompts;
        this.workflows = workflows;
        this.connectors = connectors;
    }

    @Override
    public Optional<List<Variable>> promptVariables(String key, Integer version) {
        return prompts.publishedVersion(key, version).map(v -> v.template().variables());
    }

    @Override
    public boolean workflowPublished(String key, Integer version) {
        return workflows
                .findByKey(key)
                .filter(row -> row.archivedAt() == null)
                .map(row -> workflows.versions(row.id()).stream()
                        .anyMatch(v -> v.publishedAt() != null && (version == null || v.number() == version)))
                .orElse(false);
    }

    @Override
    public Set<String> connectorActions(String connector) {
        return connectors.actions(connector);
    }
}

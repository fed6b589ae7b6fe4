package dev.switchboard.workflow.engine;

import dev.switchboard.connectors.ActionCall;
import dev.switchboard.connectors.Connector;
import dev.switchboard.connectors.ConnectorAction;
import dev.switchboard.connectors.ConnectorException;
import dev.switchboard.connectors.Connectors;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Connector actions as workflow steps and agent tools: what is installed, the JSON Schema of an
 * action's input (what an agent's model is offered), and calls whose failures Temporal understands
 * (retryable or not, with the upstream's Retry-After).
 */
@Component
public class ConnectorSteps {

    private final Connectors connectors;

    ConnectorSteps(Connectors connectors) {
        this.connectors = connectors;
    }

    /** The actions of an installed connector; empty when there is no such connector. */
    public Set<String> actions(String type) {
        return connectors
                .find(type)
                .map(c -> c.actions().stream().map(ConnectorAction::name).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    JsonNode inputSchema(String type, String action) {
        return connectors
                .find(type)
                .flatMap(c -> c.actions().stream()
                        .filter(a -> a.name().equals(action))
                        .findFirst())
                .map(ConnectorAction::inputSchema)
                .orElseGet(() -> JsonNodeFactory.instance.objectNode().put("type", "object"));
    }

    /** Calls an action; failures become Temporal failures (retryable per the connector's verdict). */
    JsonNode invoke(String type, String action, JsonNode input, String idempotencyKey, Duration timeout) {
        Connector connector = connectors
                .find(type)
                .orElseThrow(() -> StepActivitiesImpl.invalid("no connector '" + type + "' is installed"));
        try {
            return connector
                    .invoke(new ActionCall(action, input, idempotencyKey, timeout))
                    .output();
        } catch (ConnectorException e) {
            if (!e.retryable()) {
                throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), StepActivities.INVALID);
            }
            ApplicationFailure retryable = ApplicationFailure.newFailure(e.getMessage(), "Connector" + e.kind());
            e.retryAfter().ifPresent(retryable::setNextRetryDelay);
            throw retryable;
        }
    }
}

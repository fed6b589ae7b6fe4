package dev.switchboard.connectors;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One attempt at an action, as a workflow step or an agent's tool call asks for it.
 *
 * @param action the action's name (see {@link Connector#actions()})
 * @param input the input object; {@code null} is taken as an empty object
 * @param idempotencyKey stays the same across retries of the same step so the outside system can
 *     recognise a repeat (the HTTP connector sends it as {@code Idempotency-Key}); {@code null} when the
 *     caller has none
 * @param timeout upper bound for the whole attempt, typically what is left of the activity's
 *     start-to-close timeout; {@code null} leaves it to the connector's default
 */
public record ActionCall(String action, JsonNode input, String idempotencyKey, Duration timeout) {

    public ActionCall {
        if (action == null || action.isBlank()) {
            throw ConnectorException.invalidInput("action", "is required");
        }
        if (input == null || input.isNull() || input.isMissingNode()) {
            input = JsonNodeFactory.instance.objectNode();
        }
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            idempotencyKey = null;
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw ConnectorException.invalidInput("timeout", "must be positive, was " + timeout);
        }
    }

    /** A call without idempotency key or caller timeout. */
    public static ActionCall of(String action, JsonNode input) {
        return new ActionCall(action, input, null, null);
    }
}

package dev.switchboard.connectors;

import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What an action answered.
 *
 * @param output the action's output, shaped as its {@link ConnectorAction#outputSchema()} says
 * @param duration wall time of the attempt, for the run's step trace
 */
public record ActionResult(JsonNode output, Duration duration) {

    public ActionResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(duration, "duration");
    }
}

package dev.switchboard.workflow.expr;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Gives an expression the value of a root name: {@code inputs}, {@code steps}, {@code vars},
 * {@code item}, {@code index} or {@code run}. Must be deterministic (it runs inside workflow code):
 * read from the workflow's state, never from a clock, a database or the network.
 */
@FunctionalInterface
public interface Scope {

    /** The value bound to {@code root}; {@code null} or a missing node when nothing is bound. */
    JsonNode resolve(String root);

    /** A scope over fixed values; roots absent from the map are missing. */
    static Scope of(Map<String, ? extends JsonNode> roots) {
        Map<String, JsonNode> copy = Map.copyOf(roots);
        return copy::get;
    }
}

package dev.switchboard.connectors;

import java.util.List;
import java.util.Optional;

/**
 * An outside system that workflows call as a step and agents call as a tool: a set of named actions,
 * each taking a JSON object described by a JSON Schema and answering with JSON.
 *
 * <p>Implementations are thread-safe and hold no per-call state; they are called from Temporal
 * activities, which retry per the step's policy when {@link ConnectorException#retryable()} says so. An
 * implementation therefore performs one attempt per {@link #invoke} and never retries on its own.
 */
public interface Connector {

    /** Stable identifier used in workflow JSON (e.g. {@code "http"}); unique within a {@link Connectors}. */
    String type();

    /** Human-readable name for designers and tool listings. */
    String title();

    /** The actions this connector offers, in the order a designer should list them. */
    List<ConnectorAction> actions();

    /**
     * Runs one attempt of an action.
     *
     * @throws ConnectorException when the input is invalid, the call is not allowed, or the outside
     *     system fails or refuses; its kind tells the caller whether retrying can help
     */
    ActionResult invoke(ActionCall call);

    /** The action of that name, if this connector offers it. */
    default Optional<ConnectorAction> action(String name) {
        return actions().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}

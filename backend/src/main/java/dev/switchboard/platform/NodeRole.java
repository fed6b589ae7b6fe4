package dev.switchboard.platform;

import java.util.Locale;

/**
 * A role this process plays. A laptop runs all of them in one process; production runs stateless
 * {@code api}/{@code ui} nodes and {@code worker} nodes scaled by task queue.
 */
public enum NodeRole {
    /** The Vaadin web UI. */
    UI,
    /** The model gateway and the REST API. */
    API,
    /** The Temporal worker that runs workflow and activity code. */
    WORKER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

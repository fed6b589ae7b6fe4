package dev.switchboard.simulator;

/** What a simulated provider accepts; a request needing a missing capability gets a 400, as upstream. */
public enum SimulatedCapability {
    /** Function / tool calling. */
    TOOLS,
    /** Image inputs. */
    VISION,
    /** {@code response_format} json_object and json_schema. */
    JSON
}

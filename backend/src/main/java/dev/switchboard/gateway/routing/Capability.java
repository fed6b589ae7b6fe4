package dev.switchboard.gateway.routing;

/** What a deployment can do, and so what a request may need of it. */
public enum Capability {
    TOOLS,
    VISION,
    JSON,
    STREAMING,
    EMBEDDINGS
}

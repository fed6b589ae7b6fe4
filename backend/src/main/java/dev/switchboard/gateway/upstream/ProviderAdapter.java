package dev.switchboard.gateway.upstream;

import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks one {@link ProtocolFamily} to an upstream provider over HTTP. Requests and responses are in the
 * OpenAI Chat Completions wire format; adapters translate to and from their protocol. Every failure is an
 * {@link UpstreamException}; nothing is retried here (retries and fallbacks are the router's job).
 *
 * <p>Implementations are thread-safe and blocking; call them from virtual threads.
 */
public interface ProviderAdapter {

    ProtocolFamily family();

    /** A non-streamed completion. The request's {@code model} is replaced by the target's upstream model. */
    ChatResult chat(UpstreamTarget target, ObjectNode openAiRequest);

    /**
     * A streamed completion: chunks go to the listener as they arrive; returns the upstream's final usage,
     * or {@code null} when it reported none.
     */
    Usage chatStream(UpstreamTarget target, ObjectNode openAiRequest, ChatStreamListener listener);

    /** Embeddings for an OpenAI {@code /v1/embeddings} request. */
    EmbeddingResult embed(UpstreamTarget target, ObjectNode openAiEmbeddingRequest);
}

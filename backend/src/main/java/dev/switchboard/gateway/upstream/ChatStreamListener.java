package dev.switchboard.gateway.upstream;

import tools.jackson.databind.node.ObjectNode;

/**
 * Receives a streamed completion chunk by chunk, on the thread that called {@link
 * ProviderAdapter#chatStream}.
 *
 * <p>Chunks are OpenAI {@code chat.completion.chunk} objects whatever the upstream protocol. They never
 * carry usage: the final usage is the return value of the stream call, so the caller decides whether and
 * when its client sees a usage chunk. An exception thrown here stops the stream: the adapter closes the
 * upstream connection and rethrows it unchanged.
 */
@FunctionalInterface
public interface ChatStreamListener {

    void onChunk(ObjectNode openAiChunk);

    /**
     * Every chunk that arrived so far has been passed on, and the adapter is about to wait for more
     * bytes: the moment to push what was written to the client, so that chunks arriving together
     * leave together (one write) and none waits behind a slow upstream.
     */
    default void onCaughtUp() {}
}

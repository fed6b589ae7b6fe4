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
}

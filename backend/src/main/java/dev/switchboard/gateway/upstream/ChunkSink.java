package dev.switchboard.gateway.upstream;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Passes chunks to the caller's listener and remembers whether any got there, which decides {@link
 * UpstreamException#beforeFirstByte()}.
 *
 * <p>Chunks that carry nothing yet (the role-only opening delta) are held back until the first one with
 * content: otherwise an upstream that fails right after its preamble would count as "started" and the
 * router could no longer fall back, though the client has seen no token.
 */
final class ChunkSink {

    private final ChatStreamListener listener;
    private final List<ObjectNode> held = new ArrayList<>();
    private boolean delivered;

    ChunkSink(ChatStreamListener listener) {
        this.listener = listener;
    }

    /** A chunk without content: delivered only once something real follows (or the stream ends well). */
    void hold(ObjectNode chunk) {
        if (delivered) {
            listener.onChunk(chunk);
        } else {
            held.add(chunk);
        }
    }

    void deliver(ObjectNode chunk) {
        flush();
        listener.onChunk(chunk);
        delivered = true;
    }

    /** The stream ended well: whatever was held back is delivered. */
    void flush() {
        if (held.isEmpty()) {
            return;
        }
        List<ObjectNode> pending = List.copyOf(held);
        held.clear();
        delivered = true;
        pending.forEach(listener::onChunk);
    }

    boolean delivered() {
        return delivered;
    }
}

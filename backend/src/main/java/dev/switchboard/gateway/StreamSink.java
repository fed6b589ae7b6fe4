package dev.switchboard.gateway;

import java.io.IOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a streamed call's output goes (the HTTP response, or an in-process consumer). The gateway
 * calls {@link #begin} once the first upstream chunk has arrived (so a fallback before it stays
 * invisible), then {@link #chunk} per chunk, and {@link #complete} after the call is settled in the
 * ledger. An {@link IOException} means the client is gone: generation stops and what was generated is
 * charged.
 */
public interface StreamSink {

    void begin(String requestId, String providerId, String model) throws IOException;

    /**
     * {@link #begin(String, String, String)} with what is left on the tightest budget after this call's
     * hold ({@code null} when no budget applies), for sinks that can tell their client.
     */
    default void begin(String requestId, String providerId, String model, BudgetLeft budget) throws IOException {
        begin(requestId, providerId, model);
    }

    /** Writes a chunk; it reaches the client at the latest on the next {@link #flush} or at the end. */
    void chunk(ObjectNode openAiChunk) throws IOException;

    /**
     * The upstream has nothing more buffered: push what was written to the client now. Chunks that
     * arrive together are written together, and a chunk never waits for the next one.
     */
    default void flush() throws IOException {}

    /** The call is settled; {@code usageChunk} is the final usage chunk in the OpenAI shape. */
    void complete(CallReceipt receipt, ObjectNode usageChunk) throws IOException;

    /**
     * The stream broke after it began; the part that was delivered is settled and charged ({@code
     * receipt}), or could not be recorded at all ({@code receipt} null, the error says so).
     */
    void fail(CallReceipt receipt, GatewayException error) throws IOException;
}

package dev.switchboard.gateway.upstream;

/**
 * Turns one protocol's server-sent events into OpenAI chunks for a {@link ChunkSink}, remembering what the
 * protocol says about completion and usage. One instance per stream.
 */
interface StreamTranslator {

    /**
     * Handles one event; returns {@code true} when it is the protocol's end marker. Throws {@link
     * UpstreamException} for error events and {@link tools.jackson.core.JacksonException} for unparseable ones.
     */
    boolean onEvent(SseEvent event, ChunkSink sink);

    /** Whether a body that ends without the end marker is still a complete answer (Gemini has no marker). */
    boolean completeWithoutEndMarker();

    /** The usage reported so far: final once the stream completed; {@code null} when none was reported. */
    Usage usage();

    /** The end marker, for error messages. */
    String endMarker();
}

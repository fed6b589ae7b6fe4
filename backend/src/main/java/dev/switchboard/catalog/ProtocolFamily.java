package dev.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The wire protocol a provider speaks, which decides the adapter that calls it. (The adapters have
 * their own enum for now; the two are to be unified.)
 */
public enum ProtocolFamily {
    /** OpenAI chat completions and its many compatible servers. */
    OPENAI_COMPATIBLE,
    /** Anthropic Messages. */
    ANTHROPIC,
    /** Google Gemini generateContent. */
    GEMINI,
    /** A model running inside this process (the all-MiniLM-L6-v2 embeddings); no HTTP, no base URL. */
    IN_PROCESS;

    @JsonValue
    public String code() {
        return name();
    }

    @JsonCreator
    public static ProtocolFamily fromCode(String code) {
        return Codes.parse(ProtocolFamily.class, code, "protocol", ProtocolFamily::code);
    }
}

package dev.switchboard.gateway.upstream;

/** The wire protocols Switchboard speaks to upstream providers; each has one {@link ProviderAdapter}. */
public enum ProtocolFamily {
    /** OpenAI Chat Completions and its many compatible implementations (DeepSeek, Qwen, vLLM, ...). */
    OPENAI_COMPATIBLE,
    /** Anthropic Messages ({@code POST /v1/messages}). */
    ANTHROPIC,
    /** Google Gemini API ({@code generateContent}, {@code streamGenerateContent}). */
    GEMINI,
    /** A model running inside this process (all-MiniLM-L6-v2 embeddings): no HTTP at all. */
    IN_PROCESS
}

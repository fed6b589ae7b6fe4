package dev.switchboard.gateway.upstream;

/** The wire protocols Switchboard speaks to upstream providers; each has one {@link ProviderAdapter}. */
public enum ProtocolFamily {
    /** OpenAI Chat Completions and its many compatible implementations (DeepSeek, Qwen, vLLM, ...). */
    OPENAI_COMPATIBLE,
    /** Anthropic Messages ({@code POST /v1/messages}). */
    ANTHROPIC,
    /** Google Gemini API ({@code generateContent}, {@code streamGenerateContent}). */
    GEMINI
}

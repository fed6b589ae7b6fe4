package dev.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The documented deviations of one provider from its protocol family (parameter names, usage fields,
 * streaming details) that its adapter applies. Each preset belongs to exactly one family.
 */
public enum QuirksPreset {
    OPENAI(ProtocolFamily.OPENAI_COMPATIBLE),
    DEEPSEEK(ProtocolFamily.OPENAI_COMPATIBLE),
    QWEN(ProtocolFamily.OPENAI_COMPATIBLE),
    GLM(ProtocolFamily.OPENAI_COMPATIBLE),
    KIMI(ProtocolFamily.OPENAI_COMPATIBLE),
    MINIMAX(ProtocolFamily.OPENAI_COMPATIBLE),
    DOUBAO(ProtocolFamily.OPENAI_COMPATIBLE),
    SILICONFLOW(ProtocolFamily.OPENAI_COMPATIBLE),
    OPENROUTER(ProtocolFamily.OPENAI_COMPATIBLE),
    VLLM(ProtocolFamily.OPENAI_COMPATIBLE),
    OLLAMA(ProtocolFamily.OPENAI_COMPATIBLE),
    ANTHROPIC(ProtocolFamily.ANTHROPIC),
    GEMINI(ProtocolFamily.GEMINI);

    private final ProtocolFamily family;

    QuirksPreset(ProtocolFamily family) {
        this.family = family;
    }

    public ProtocolFamily family() {
        return family;
    }

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static QuirksPreset fromCode(String code) {
        return Codes.parse(QuirksPreset.class, code, "quirks", QuirksPreset::code);
    }
}

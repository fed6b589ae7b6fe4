package dev.switchboard.simulator;

/** The wire protocol a simulated provider speaks, exactly as the real provider family does. */
public enum SimulatedProtocol {
    /** OpenAI Chat Completions, Embeddings and Models ({@code /v1/chat/completions}, ...). */
    OPENAI,
    /** Anthropic Messages ({@code /v1/messages}), with its own streaming events and errors. */
    ANTHROPIC
}

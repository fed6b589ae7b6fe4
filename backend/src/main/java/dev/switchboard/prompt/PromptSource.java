package dev.switchboard.prompt;

/** Where a template came from: written by someone, or the bundled library (kept in step with its files). */
public enum PromptSource {
    USER,
    BUNDLED
}

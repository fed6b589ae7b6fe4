package dev.switchboard.prompt;

import java.util.Objects;
import java.util.UUID;

/** The id of a prompt template (all its versions share it). */
public record PromptId(
        @com.fasterxml.jackson.annotation.JsonValue UUID value) {

    public PromptId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

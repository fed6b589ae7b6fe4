package dev.switchboard.prompts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Objects;

/**
 * One message of a template. Its content is a Jinja template. Few-shot examples are ordinary user and
 * assistant messages marked {@code example}: they are sent as they are, and the flag tells editors and
 * diffs what they are for.
 */
@JsonPropertyOrder({"role", "example", "content"})
public record PromptMessage(
        Role role,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean example,
        String content) {

    /** Who speaks: the chat roles every provider understands. */
    public enum Role {
        @JsonProperty("system")
        SYSTEM,
        @JsonProperty("user")
        USER,
        @JsonProperty("assistant")
        ASSISTANT;

        /** The role as the OpenAI wire format spells it. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PromptMessage {
        Objects.requireNonNull(role, "role");
        example = Boolean.TRUE.equals(example); // absent in YAML and JSON means not an example
        content = content == null ? "" : content;
    }

    public static PromptMessage system(String content) {
        return new PromptMessage(Role.SYSTEM, false, content);
    }

    public static PromptMessage user(String content) {
        return new PromptMessage(Role.USER, false, content);
    }
}

package dev.switchboard.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A prompt template: the messages sent to a model (Jinja templates over typed variables), the model
 * settings it was written for, and tags to find it by. It is a value: the same template always renders
 * the same messages from the same values. Whether it is well formed is {@link PromptValidator}'s
 * business, so an editor can show every problem at once instead of failing on the first.
 *
 * @param key a stable slug ({@code product-description}) naming the template across versions
 * @param tags sorted, distinct, lower case
 */
@JsonPropertyOrder({"key", "name", "description", "tags", "model", "variables", "messages"})
public record PromptTemplate(
        String key,
        String name,
        String description,
        List<String> tags,
        @JsonProperty("model") ModelSettings settings,
        List<Variable> variables,
        List<PromptMessage> messages) {

    public PromptTemplate {
        key = key == null ? "" : key.strip();
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        tags = tags == null
                ? List.of()
                : List.copyOf(new TreeSet<>(tags.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(t -> t.strip().toLowerCase(java.util.Locale.ROOT))
                        .toList()));
        settings = settings == null ? ModelSettings.DEFAULT : settings;
        variables = variables == null ? List.of() : List.copyOf(variables);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public Optional<Variable> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    /** The same template under another key (a copy, or an import into a new name). */
    public PromptTemplate withKey(String newKey) {
        return new PromptTemplate(newKey, name, description, tags, settings, variables, messages);
    }
}

package dev.switchboard.prompts;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A template rendered with values: the messages as they go to a model, the settings they go with, and
 * the values used (given ones checked and converted, defaults filled in).
 */
public record RenderedPrompt(List<Message> messages, ModelSettings settings, Map<String, JsonNode> values) {

    /** One rendered message. */
    public record Message(PromptMessage.Role role, boolean example, String content) {}

    public RenderedPrompt {
        messages = List.copyOf(messages);
        values = Map.copyOf(values);
    }

    /**
     * The OpenAI chat completion request for these messages and settings.
     *
     * @param model the model to ask instead of the template's ({@code null} keeps the template's)
     */
    public ObjectNode chatRequest(String model) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        body.put("model", model == null || model.isBlank() ? settings.model() : model.strip());
        ArrayNode wire = body.putArray("messages");
        for (Message message : messages) {
            wire.addObject().put("role", message.role().wire()).put("content", message.content());
        }
        if (settings.temperature() != null) {
            body.put("temperature", settings.temperature());
        }
        if (settings.maxTokens() != null) {
            body.put("max_tokens", settings.maxTokens());
        }
        settings.responseFormat().toOpenAi().ifPresent(format -> body.set("response_format", format));
        return body;
    }
}

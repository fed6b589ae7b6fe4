package dev.switchboard.ui.gateway;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the try-it console sends: an OpenAI chat completion request, as an API client would. A blank
 * system prompt is left out rather than sent empty; the temperature only when one is set.
 *
 * @param temperature sampling temperature between 0 and 2 ({@code null}: the provider's default)
 */
record ConsoleRequest(String model, String systemPrompt, String message, int maxTokens, Double temperature) {

    ObjectNode toJson(JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model.strip());
        ArrayNode messages = body.putArray("messages");
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            messages.addObject().put("role", "system").put("content", systemPrompt.strip());
        }
        messages.addObject().put("role", "user").put("content", message);
        body.put("max_tokens", maxTokens);
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        return body;
    }
}

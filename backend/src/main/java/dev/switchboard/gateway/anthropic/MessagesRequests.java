package dev.switchboard.gateway.anthropic;

import dev.switchboard.gateway.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an Anthropic Messages request ({@code POST /v1/messages}) into the gateway's canonical OpenAI
 * chat request, so Anthropic-style clients reach every provider through the same router. Field
 * mapping follows Anthropic's Messages API reference: {@code system} becomes a system message,
 * {@code tool_use}/{@code tool_result} blocks become tool calls and tool messages, base64 and URL
 * images become {@code image_url} parts, {@code stop_sequences} becomes {@code stop}.
 */
public final class MessagesRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessagesRequests() {}

    public static ObjectNode toOpenAi(JsonNode request) {
        if (!(request instanceof ObjectNode in)) {
            throw GatewayException.invalidRequest(null, "The request body must be a JSON object.");
        }
        ObjectNode out = NODES.objectNode();
        out.put("model", text(in, "model"));
        JsonNode maxTokens = in.path("max_tokens");
        if (!maxTokens.isIntegralNumber() || maxTokens.asLong() < 1) {
            throw GatewayException.invalidRequest(
                    "max_tokens", "'max_tokens' is required and must be a positive integer.");
        }
        out.put("max_tokens", maxTokens.asInt());
        ArrayNode messages = out.putArray("messages");
        JsonNode system = in.path("system");
        if (system.isString()) {
            messages.addObject().put("role", "system").put("content", system.asString());
        } else if (system.isArray()) {
            messages.addObject().put("role", "system").put("content", joinText(system));
        }
        JsonNode inMessages = in.path("messages");
        if (!inMessages.isArray() || inMessages.isEmpty()) {
            throw GatewayException.invalidRequest("messages", "'messages' must be a non-empty array.");
        }
        for (int i = 0; i < inMessages.size(); i++) {
            addMessage(messages, inMessages.get(i), i);
        }
        copy(in, out, "temperature", "temperature");
        copy(in, out, "top_p", "top_p");
        copy(in, out, "stream", "stream");
        if (in.path("stop_sequences").isArray()) {
            out.set("stop", in.path("stop_sequences").deepCopy());
        }
        if (in.path("tools").isArray()) {
            ArrayNode tools = out.putArray("tools");
            for (JsonNode tool : in.path("tools")) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.path("name").asString(""));
                if (tool.has("description")) {
                    function.put("description", tool.path("description").asString());
                }
                function.set("parameters", tool.path("input_schema").deepCopy());
            }
        }
        JsonNode choice = in.path("tool_choice");
        switch (choice.path("type").asString("")) {
            case "auto" -> out.put("tool_choice", "auto");
            case "any" -> out.put("tool_choice", "required");
            case "none" -> out.put("tool_choice", "none");
            case "tool" ->
                out.putObject("tool_choice")
                        .put("type", "function")
                        .putObject("function")
                        .put("name", choice.path("name").asString());
            default -> {}
        }
        return out;
    }

    private static void addMessage(ArrayNode messages, JsonNode message, int index) {
        String role = message.path("role").asString("");
        if (!role.equals("user") && !role.equals("assistant")) {
            throw GatewayException.invalidRequest(
                    "messages[" + index + "].role", "'role' must be user or assistant; got '" + role + "'.");
        }
        JsonNode content = message.path("content");
        if (content.isString()) {
            messages.addObject().put("role", role).put("content", content.asString());
            return;
        }
        if (!content.isArray()) {
            throw GatewayException.invalidRequest(
                    "messages[" + index + "].content", "'content' must be a string or an array of blocks.");
        }
        ObjectNode current = NODES.objectNode().put("role", role);
        ArrayNode parts = NODES.arrayNode();
        ArrayNode toolCalls = NODES.arrayNode();
        for (JsonNode block : content) {
            switch (block.path("type").asString("")) {
                case "text" ->
                    parts.addObject()
                            .put("type", "text")
                            .put("text", block.path("text").asString(""));
                case "image" ->
                    parts.addObject()
                            .put("type", "image_url")
                            .putObject("image_url")
                            .put("url", imageUrl(block));
                case "tool_use" -> {
                    ObjectNode call = toolCalls
                            .addObject()
                            .put("id", block.path("id").asString())
                            .put("type", "function");
                    call.putObject("function")
                            .put("name", block.path("name").asString())
                            .put("arguments", block.path("input").toString());
                }
                case "tool_result" ->
                    messages.addObject()
                            .put("role", "tool")
                            .put("tool_call_id", block.path("tool_use_id").asString())
                            .put(
                                    "content",
                                    block.path("content").isString()
                                            ? block.path("content").asString()
                                            : joinText(block.path("content")));
                default ->
                    throw GatewayException.invalidRequest(
                            "messages[" + index + "].content",
                            "unsupported content block type '"
                                    + block.path("type").asString("") + "'.");
            }
        }
        if (parts.isEmpty() && toolCalls.isEmpty()) {
            return; // only tool results, already added as tool messages
        }
        if (!parts.isEmpty()) {
            current.set("content", parts);
        } else {
            current.putNull("content");
        }
        if (!toolCalls.isEmpty()) {
            current.set("tool_calls", toolCalls);
        }
        messages.add(current);
    }

    private static String imageUrl(JsonNode block) {
        JsonNode source = block.path("source");
        return switch (source.path("type").asString("")) {
            case "base64" ->
                "data:" + source.path("media_type").asString() + ";base64,"
                        + source.path("data").asString();
            case "url" -> source.path("url").asString();
            default -> throw GatewayException.invalidRequest("content", "image source must be base64 or url.");
        };
    }

    private static String joinText(JsonNode blocks) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : blocks) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(block.path("text").asString(""));
        }
        return text.toString();
    }

    private static String text(ObjectNode in, String field) {
        JsonNode value = in.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw GatewayException.invalidRequest(field, "'" + field + "' is required and must be a string.");
        }
        return value.asString();
    }

    private static void copy(ObjectNode in, ObjectNode out, String from, String to) {
        if (in.has(from) && !in.path(from).isNull()) {
            out.set(to, in.path(from).deepCopy());
        }
    }
}

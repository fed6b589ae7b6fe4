package dev.switchboard.gateway.anthropic;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the gateway's canonical OpenAI chat completion into an Anthropic Messages response. Usage:
 * Anthropic's {@code input_tokens} excludes cache reads, which it reports as {@code
 * cache_read_input_tokens}; OpenAI's {@code prompt_tokens} includes them.
 */
public final class MessagesResponses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessagesResponses() {}

    public static ObjectNode fromOpenAi(JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode out = NODES.objectNode()
                .put("id", "msg_" + completion.path("id").asString("switchboard"))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", completion.path("model").asString(""));
        ArrayNode content = out.putArray("content");
        String text = message.path("content").asString("");
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            content.addObject()
                    .put("type", "tool_use")
                    .put("id", call.path("id").asString())
                    .put("name", call.path("function").path("name").asString())
                    .set(
                            "input",
                            parseArguments(
                                    call.path("function").path("arguments").asString("{}")));
        }
        out.put("stop_reason", stopReason(choice.path("finish_reason").asString("stop")));
        out.putNull("stop_sequence");
        out.set("usage", usage(completion.path("usage")));
        return out;
    }

    static String stopReason(String finishReason) {
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    static ObjectNode usage(JsonNode openAiUsage) {
        long prompt = openAiUsage.path("prompt_tokens").asLong(0);
        long cached =
                openAiUsage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        return NODES.objectNode()
                .put("input_tokens", prompt - cached)
                .put("output_tokens", openAiUsage.path("completion_tokens").asLong(0))
                .put("cache_read_input_tokens", cached)
                .put("cache_creation_input_tokens", 0);
    }

    /** Tool arguments arrive as a JSON string; a model that produced invalid JSON gets it kept as text. */
    static JsonNode parseArguments(String arguments) {
        try {
            JsonNode parsed = JSON.readTree(arguments.isBlank() ? "{}" : arguments);
            return parsed.isObject() ? parsed : NODES.objectNode().set("value", parsed);
        } catch (RuntimeException invalid) {
            return NODES.objectNode().put("_raw", arguments);
        }
    }

    /** An error in Anthropic's shape: {@code {"type":"error","error":{"type","message"}}}. */
    public static ObjectNode error(int status, String message) {
        String type = switch (status) {
            case 400, 413 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402, 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529, 503 -> "overloaded_error";
            default -> "api_error";
        };
        ObjectNode out = NODES.objectNode().put("type", "error");
        out.putObject("error").put("type", type).put("message", message);
        return out;
    }
}

package dev.switchboard.gateway.upstream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic Messages response → OpenAI {@code chat.completion}, and the mappings the stream shares.
 *
 * <p>Usage: Anthropic's {@code input_tokens} excludes cache reads and writes, which it reports as {@code
 * cache_read_input_tokens} and {@code cache_creation_input_tokens}. OpenAI's {@code prompt_tokens} includes
 * cached tokens, and cost math relies on that, so {@code promptTokens = input + cache_read + cache_creation}
 * and {@code cachedPromptTokens = cache_read}. Cache writes are thus priced at the plain input rate (Anthropic
 * bills them at 1.25x); thinking tokens are part of {@code output_tokens} and not reported apart.
 */
final class AnthropicResponses {

    private final JsonMapper json;
    private final OpenAiShape shape;

    AnthropicResponses(JsonMapper json) {
        this.json = json;
        this.shape = new OpenAiShape(json);
    }

    ObjectNode toOpenAi(ObjectNode message, long created, boolean jsonMode) {
        ObjectNode completion = shape.completion(
                message.path("id").asString(""), message.path("model").asString(""), created);
        ObjectNode choice = ((ArrayNode) completion.get("choices")).addObject();
        choice.put("index", 0);
        ObjectNode out = choice.putObject("message");
        out.put("role", "assistant");
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode toolCalls = json.createArrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "thinking" -> thinking.append(block.path("thinking").asString(""));
                case "tool_use" -> {
                    String arguments = json.writeValueAsString(block.path("input"));
                    if (jsonMode
                            && AnthropicRequestTranslator.JSON_TOOL.equals(
                                    block.path("name").asString(""))) {
                        text.append(arguments);
                    } else {
                        ObjectNode call = toolCalls.addObject();
                        call.put("id", block.path("id").asString(""));
                        call.put("type", "function");
                        call.putObject("function")
                                .put("name", block.path("name").asString(""))
                                .put("arguments", arguments);
                    }
                }
                default -> {
                    // redacted_thinking, server tool blocks: nothing an OpenAI client can read
                }
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            out.putNull("content");
        } else {
            out.put("content", text.toString());
        }
        if (!thinking.isEmpty()) {
            out.put("reasoning_content", thinking.toString());
        }
        if (!toolCalls.isEmpty()) {
            out.set("tool_calls", toolCalls);
        }
        choice.put("finish_reason", finishReason(message.path("stop_reason").asString(""), jsonMode));
        Usage usage = usage(message.path("usage"));
        if (usage != null) {
            completion.set("usage", shape.usage(usage));
        }
        return completion;
    }

    /** Anthropic {@code stop_reason} → OpenAI {@code finish_reason}. */
    static String finishReason(String stopReason, boolean jsonMode) {
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> jsonMode ? "stop" : "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn
        };
    }

    static Usage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
        long cacheWrite = usage.path("cache_creation_input_tokens").asLong(0);
        long input = usage.path("input_tokens").asLong(0);
        return new Usage(
                input + cacheRead + cacheWrite, usage.path("output_tokens").asLong(0), cacheRead, 0);
    }

    /** The HTTP status an Anthropic error type stands for (https://docs.anthropic.com/en/api/errors). */
    static int statusOf(String errorType) {
        return switch (errorType) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500; // api_error and anything new
        };
    }
}

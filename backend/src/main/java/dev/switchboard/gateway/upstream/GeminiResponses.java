package dev.switchboard.gateway.upstream;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini {@code GenerateContentResponse} → OpenAI completion or chunk. Candidates become choices; {@code
 * thought} parts become {@code reasoning_content}; {@code functionCall} parts become tool calls.
 *
 * <p>Usage (https://ai.google.dev/api/generate-content#UsageMetadata): {@code promptTokenCount} already
 * includes {@code cachedContentTokenCount}; {@code candidatesTokenCount} excludes {@code
 * thoughtsTokenCount}. In OpenAI terms: prompt = promptTokenCount + toolUsePromptTokenCount, completion =
 * candidates + thoughts, cached = cachedContentTokenCount, reasoning = thoughtsTokenCount.
 */
final class GeminiResponses {

    private final JsonMapper json;
    private final OpenAiShape shape;

    GeminiResponses(JsonMapper json) {
        this.json = json;
        this.shape = new OpenAiShape(json);
    }

    ObjectNode toOpenAi(ObjectNode response, String model, long created) {
        ObjectNode completion = shape.completion(
                id(response, created), response.path("modelVersion").asString(model), created);
        ArrayNode choices = (ArrayNode) completion.get("choices");
        JsonNode candidates = response.path("candidates");
        int position = 0;
        for (JsonNode candidate : candidates) {
            ObjectNode choice = choices.addObject();
            choice.put("index", candidate.path("index").asInt(position++));
            Delta delta = delta(candidate, 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            if (delta.text.isEmpty() && !delta.toolCalls.isEmpty()) {
                message.putNull("content");
            } else {
                message.put("content", delta.text);
            }
            if (!delta.thoughts.isEmpty()) {
                message.put("reasoning_content", delta.thoughts);
            }
            if (!delta.toolCalls.isEmpty()) {
                for (JsonNode call : delta.toolCalls) {
                    ((ObjectNode) call).remove("index");
                }
                message.set("tool_calls", delta.toolCalls);
            }
            choice.put(
                    "finish_reason",
                    finishReason(candidate.path("finishReason").asString("STOP"), !delta.toolCalls.isEmpty()));
        }
        if (candidates.isEmpty()) {
            // The prompt itself was blocked (promptFeedback.blockReason): nothing was generated.
            ObjectNode choice = choices.addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").putNull("content");
            choice.put("finish_reason", "content_filter");
        }
        Usage usage = usage(response.path("usageMetadata"));
        if (usage != null) {
            completion.set("usage", shape.usage(usage));
        }
        return completion;
    }

    /**
     * The chunk for one streamed response, or {@code null} when it carries nothing for the caller. {@code
     * toolCalls} counts each candidate's tool calls across the whole stream, which numbers them.
     */
    ObjectNode toChunk(ObjectNode response, String model, long created, Map<Integer, Integer> toolCalls) {
        ArrayNode choices = json.createArrayNode();
        int position = 0;
        for (JsonNode candidate : response.path("candidates")) {
            int index = candidate.path("index").asInt(position++);
            int calledBefore = toolCalls.getOrDefault(index, 0);
            Delta delta = delta(candidate, calledBefore);
            toolCalls.put(index, calledBefore + delta.toolCalls.size());
            ObjectNode out = json.createObjectNode();
            if (!delta.text.isEmpty()) {
                out.put("content", delta.text);
            }
            if (!delta.thoughts.isEmpty()) {
                out.put("reasoning_content", delta.thoughts);
            }
            if (!delta.toolCalls.isEmpty()) {
                out.set("tool_calls", delta.toolCalls);
            }
            String reason = candidate.path("finishReason").asString("");
            String finish = reason.isEmpty() || reason.equals("FINISH_REASON_UNSPECIFIED")
                    ? null
                    : finishReason(reason, toolCalls.get(index) > 0);
            if (out.isEmpty() && finish == null) {
                continue;
            }
            ObjectNode choice = choices.addObject();
            choice.put("index", index);
            choice.set("delta", out);
            if (finish == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finish);
            }
        }
        if (choices.isEmpty()) {
            return null;
        }
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id(response, created));
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", response.path("modelVersion").asString(model));
        chunk.set("choices", choices);
        return chunk;
    }

    static Usage usage(JsonNode metadata) {
        if (!metadata.isObject()) {
            return null;
        }
        long thoughts = metadata.path("thoughtsTokenCount").asLong(0);
        return new Usage(
                metadata.path("promptTokenCount").asLong(0)
                        + metadata.path("toolUsePromptTokenCount").asLong(0),
                metadata.path("candidatesTokenCount").asLong(0) + thoughts,
                metadata.path("cachedContentTokenCount").asLong(0),
                thoughts);
    }

    /** Gemini {@code finishReason} → OpenAI {@code finish_reason}. */
    static String finishReason(String reason, boolean calledTools) {
        return switch (reason) {
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> "content_filter";
            default -> calledTools ? "tool_calls" : "stop";
        };
    }

    private Delta delta(JsonNode candidate, int firstToolIndex) {
        int nextToolIndex = firstToolIndex;
        StringBuilder text = new StringBuilder();
        StringBuilder thoughts = new StringBuilder();
        ArrayNode toolCalls = json.createArrayNode();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                JsonNode call = part.get("functionCall");
                ObjectNode out = toolCalls.addObject();
                out.put("index", nextToolIndex++);
                // Gemini ids calls only sometimes; OpenAI clients need one to answer the call with.
                out.put(
                        "id",
                        call.path("id")
                                .asString("call_" + UUID.randomUUID().toString().replace("-", "")));
                out.put("type", "function");
                out.putObject("function")
                        .put("name", call.path("name").asString(""))
                        .put(
                                "arguments",
                                json.writeValueAsString(
                                        call.path("args").isObject() ? call.get("args") : json.createObjectNode()));
            } else if (part.path("thought").asBoolean(false)) {
                thoughts.append(part.path("text").asString(""));
            } else {
                text.append(part.path("text").asString(""));
            }
        }
        return new Delta(text.toString(), thoughts.toString(), toolCalls);
    }

    private static String id(JsonNode response, long created) {
        return response.path("responseId").asString("gemini-" + created);
    }

    private record Delta(String text, String thoughts, ArrayNode toolCalls) {}
}

package dev.switchboard.gateway.upstream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the OpenAI Chat Completions objects the translating adapters answer with. */
final class OpenAiShape {

    private final JsonMapper json;

    OpenAiShape(JsonMapper json) {
        this.json = json;
    }

    /** A {@code chat.completion} without choices, to be filled in. */
    ObjectNode completion(String id, String model, long created) {
        ObjectNode completion = json.createObjectNode();
        completion.put("id", id);
        completion.put("object", "chat.completion");
        completion.put("created", created);
        completion.put("model", model);
        completion.putArray("choices");
        return completion;
    }

    /** A {@code chat.completion.chunk} with one choice carrying {@code delta} and {@code finishReason}. */
    ObjectNode chunk(String id, String model, long created, int index, ObjectNode delta, String finishReason) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    /** The OpenAI {@code usage} object for a usage, cached and reasoning details included. */
    ObjectNode usage(Usage usage) {
        ObjectNode node = json.createObjectNode();
        node.put("prompt_tokens", usage.promptTokens());
        node.put("completion_tokens", usage.completionTokens());
        node.put("total_tokens", usage.totalTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedPromptTokens());
        node.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        return node;
    }

    /** Plain text of an OpenAI message {@code content}: a string, or the text parts of a part array. */
    static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString("");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asString(""))) {
                text.append(part.path("text").asString(""));
            }
        }
        return text.toString();
    }

    /** Whether a delta carries anything beyond its role: text, reasoning, a tool call, a refusal. */
    static boolean hasContent(JsonNode delta) {
        for (var field : delta.properties()) {
            if (field.getKey().equals("role")) {
                continue;
            }
            JsonNode value = field.getValue();
            boolean empty = value.isNull()
                    || (value.isString() && value.asString("").isEmpty())
                    || (value.isContainer() && value.isEmpty());
            if (!empty) {
                return true;
            }
        }
        return false;
    }
}

package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.gateway.upstream.Usage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The gateway's OpenAI chat completion as a LangChain4j {@link ChatResponse}. */
final class OpenAiResponseMapper {

    private OpenAiResponseMapper() {}

    /**
     * The first choice (LangChain4j has one answer per call) with its tool calls, reasoning, usage and
     * finish reason; {@code charged} is the usage the ledger recorded.
     */
    static ChatResponse toChatResponse(JsonNode completion, Usage charged) {
        JsonNode message = completion.path("choices").path(0).path("message");
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            calls.add(ToolExecutionRequest.builder()
                    .id(call.path("id").isString() ? call.path("id").asString() : null)
                    .name(call.path("function").path("name").asString())
                    .arguments(call.path("function").path("arguments").asString("{}"))
                    .build());
        }
        AiMessage.Builder ai = AiMessage.builder().text(text(message.path("content")));
        if (message.path("reasoning_content").isString()) {
            ai.thinking(message.path("reasoning_content").asString());
        }
        if (!calls.isEmpty()) {
            ai.toolExecutionRequests(calls);
        }
        return ChatResponse.builder()
                .aiMessage(ai.build())
                .id(completion.path("id").asString(null))
                .modelName(completion.path("model").asString(null))
                .tokenUsage(tokenUsage(charged))
                .finishReason(finishReason(
                        completion.path("choices").path(0).path("finish_reason").asString(null)))
                .build();
    }

    static TokenUsage tokenUsage(Usage usage) {
        return new TokenUsage(
                Math.toIntExact(usage.promptTokens()),
                Math.toIntExact(usage.completionTokens()),
                Math.toIntExact(usage.totalTokens()));
    }

    /** OpenAI's finish reasons, as LangChain4j's OpenAI integration maps them. */
    static FinishReason finishReason(String openAi) {
        if (openAi == null) {
            return null;
        }
        return switch (openAi) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_EXECUTION;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** Content is a string, or (from some providers) an array of text parts. */
    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asString("")));
        return text.toString();
    }
}

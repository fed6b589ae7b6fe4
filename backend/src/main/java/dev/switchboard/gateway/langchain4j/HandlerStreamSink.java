package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.switchboard.gateway.CallReceipt;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.StreamSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers a streamed gateway call to a LangChain4j handler: text, reasoning and tool-call argument
 * fragments as they arrive, then the assembled response with the usage the ledger recorded. A consumer
 * that cancels through the {@link StreamingHandle}, or whose callback throws, is treated like an HTTP
 * client that went away: generation stops and what was generated is charged.
 */
final class HandlerStreamSink implements StreamSink, StreamingHandle {

    private static final Logger log = LoggerFactory.getLogger(HandlerStreamSink.class);

    private final StreamingChatResponseHandler handler;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();
    private final Map<Integer, ToolCall> toolCalls = new TreeMap<>();
    private String finishReason;
    private volatile boolean cancelled;
    private RuntimeException consumerFailure;

    /** A tool call being assembled from its fragments. */
    private static final class ToolCall {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();
    }

    HandlerStreamSink(StreamingChatResponseHandler handler) {
        this.handler = handler;
    }

    @Override
    public void begin(String requestId, String providerId, String model) throws IOException {
        stopIfCancelled();
    }

    @Override
    public void chunk(ObjectNode chunk) throws IOException {
        stopIfCancelled();
        JsonNode choice = chunk.path("choices").path(0); // LangChain4j asks for one choice
        JsonNode delta = choice.path("delta");
        String content = delta.path("content").asString("");
        if (!content.isEmpty()) {
            text.append(content);
            deliver(() -> handler.onPartialResponse(new PartialResponse(content), new PartialResponseContext(this)));
        }
        String reasoning = delta.path("reasoning_content").asString("");
        if (!reasoning.isEmpty()) {
            thinking.append(reasoning);
            deliver(() -> handler.onPartialThinking(new PartialThinking(reasoning), new PartialThinkingContext(this)));
        }
        for (JsonNode fragment : delta.path("tool_calls")) {
            toolCallFragment(fragment);
        }
        if (choice.path("finish_reason").isString()) {
            finishReason = choice.path("finish_reason").asString();
        }
        stopIfCancelled();
    }

    private void toolCallFragment(JsonNode fragment) throws IOException {
        int index = fragment.path("index").asInt(0);
        ToolCall call = toolCalls.computeIfAbsent(index, i -> new ToolCall());
        if (fragment.path("id").isString()) {
            call.id = fragment.path("id").asString();
        }
        JsonNode function = fragment.path("function");
        if (function.path("name").isString()
                && !function.path("name").asString().isEmpty()) {
            call.name = function.path("name").asString();
        }
        String arguments = function.path("arguments").asString("");
        call.arguments.append(arguments);
        if (!arguments.isEmpty() && call.name != null) {
            PartialToolCall partial = PartialToolCall.builder()
                    .index(index)
                    .id(call.id)
                    .name(call.name)
                    .partialArguments(arguments)
                    .build();
            deliver(() -> handler.onPartialToolCall(partial, new PartialToolCallContext(this)));
        }
    }

    @Override
    public void complete(CallReceipt receipt, ObjectNode usageChunk) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        toolCalls.forEach((index, call) -> {
            ToolExecutionRequest request = ToolExecutionRequest.builder()
                    .id(call.id)
                    .name(call.name)
                    .arguments(call.arguments.isEmpty() ? "{}" : call.arguments.toString())
                    .build();
            requests.add(request);
            quietly(() -> handler.onCompleteToolCall(new CompleteToolCall(index, request)));
        });
        AiMessage.Builder ai = AiMessage.builder().text(text.isEmpty() && !requests.isEmpty() ? null : text.toString());
        if (!thinking.isEmpty()) {
            ai.thinking(thinking.toString());
        }
        if (!requests.isEmpty()) {
            ai.toolExecutionRequests(requests);
        }
        ChatResponse response = ChatResponse.builder()
                .aiMessage(ai.build())
                .id(receipt.requestId())
                .modelName(receipt.model())
                .tokenUsage(OpenAiResponseMapper.tokenUsage(receipt.usage()))
                .finishReason(OpenAiResponseMapper.finishReason(finishReason))
                .build();
        quietly(() -> handler.onCompleteResponse(response));
    }

    @Override
    public void fail(CallReceipt receipt, GatewayException error) {
        quietly(() -> handler.onError(GatewayErrors.toLangChain4j(error)));
    }

    /** The consumer's own exception, when one of its callbacks threw and so ended the stream. */
    RuntimeException consumerFailure() {
        return consumerFailure;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    private void stopIfCancelled() throws IOException {
        if (cancelled) {
            throw new IOException("the consumer cancelled the stream");
        }
    }

    /** A callback that throws ends the stream the way a departed client does. */
    private void deliver(Runnable callback) throws IOException {
        try {
            callback.run();
        } catch (RuntimeException e) {
            consumerFailure = e;
            throw new IOException("the consumer's callback failed", e);
        }
    }

    /** After settlement nothing can be undone: a failing final callback is logged, as LangChain4j does. */
    private static void quietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("a streaming handler's callback failed after the call was settled", e);
        }
    }
}

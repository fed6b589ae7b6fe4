package dev.switchboard.gateway.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.gateway.CallReceipt;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.platform.Money;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class HandlerStreamSinkTest {

    final JsonMapper json = JsonMapper.builder().build();

    /** Records every callback. */
    static class Recorder implements StreamingChatResponseHandler {
        final List<String> partials = new ArrayList<>();
        final List<PartialToolCall> partialToolCalls = new ArrayList<>();
        final List<CompleteToolCall> completeToolCalls = new ArrayList<>();
        ChatResponse complete;
        Throwable error;
        PartialResponseContext lastContext;

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            partials.add(partial.text());
            lastContext = context;
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            partialToolCalls.add(partialToolCall);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            completeToolCalls.add(completeToolCall);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            complete = response;
        }

        @Override
        public void onError(Throwable error) {
            this.error = error;
        }
    }

    ObjectNode chunk(String delta, String finishReason) {
        ObjectNode chunk = (ObjectNode) json.readTree(
                "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta + "}]}");
        if (finishReason != null) {
            ((ObjectNode) chunk.path("choices").get(0)).put("finish_reason", finishReason);
        }
        return chunk;
    }

    static CallReceipt receipt(Usage usage) {
        return new CallReceipt(
                "req_1",
                "sim-mid",
                "sim-chat",
                usage,
                Money.ofMicros(10, "USD"),
                Money.ofMicros(12, "USD"),
                List.of("sim-mid"),
                5,
                null);
    }

    @Test
    void text_arrives_in_partials_and_completes_with_the_settled_usage() throws IOException {
        Recorder handler = new Recorder();
        HandlerStreamSink sink = new HandlerStreamSink(handler);

        sink.begin("req_1", "sim-mid", "sim-chat");
        sink.chunk(chunk("{\"role\":\"assistant\",\"content\":\"Budgets \"}", null));
        sink.chunk(chunk("{\"content\":\"hold.\"}", "stop"));
        sink.complete(receipt(new Usage(9, 3, 0, 0)), null);

        assertThat(handler.partials).containsExactly("Budgets ", "hold.");
        assertThat(handler.complete.aiMessage().text()).isEqualTo("Budgets hold.");
        assertThat(handler.complete.tokenUsage()).isEqualTo(new TokenUsage(9, 3, 12));
        assertThat(handler.complete.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(handler.complete.id()).isEqualTo("req_1");
        assertThat(handler.complete.modelName()).isEqualTo("sim-chat");
        assertThat(handler.error).isNull();
    }

    @Test
    void tool_call_fragments_are_passed_on_and_assembled() throws IOException {
        Recorder handler = new Recorder();
        HandlerStreamSink sink = new HandlerStreamSink(handler);

        sink.chunk(chunk("""
                {"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]}""", null));
        sink.chunk(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null));
        sink.chunk(chunk(
                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", "tool_calls"));
        sink.complete(receipt(new Usage(30, 8, 0, 0)), null);

        assertThat(handler.partialToolCalls)
                .extracting(PartialToolCall::partialArguments)
                .containsExactly("{\"city\":", "\"Paris\"}");
        assertThat(handler.partialToolCalls).allSatisfy(p -> {
            assertThat(p.id()).isEqualTo("call_1");
            assertThat(p.name()).isEqualTo("get_weather");
        });
        assertThat(handler.completeToolCalls)
                .singleElement()
                .satisfies(call ->
                        assertThat(call.toolExecutionRequest().arguments()).isEqualTo("{\"city\":\"Paris\"}"));
        assertThat(handler.complete.aiMessage().toolExecutionRequests())
                .singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("get_weather"));
        assertThat(handler.complete.aiMessage().text()).isNull();
        assertThat(handler.complete.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    }

    @Test
    void a_cancelled_or_failing_consumer_stops_the_stream_like_a_departed_client() throws IOException {
        Recorder handler = new Recorder();
        HandlerStreamSink sink = new HandlerStreamSink(handler);
        sink.chunk(chunk("{\"content\":\"one\"}", null));

        handler.lastContext.streamingHandle().cancel();

        assertThat(sink.isCancelled()).isTrue();
        assertThatThrownBy(() -> sink.chunk(chunk("{\"content\":\"two\"}", null)))
                .isInstanceOf(IOException.class);
        assertThat(handler.partials).containsExactly("one");

        RuntimeException boom = new IllegalStateException("consumer bug");
        HandlerStreamSink failing = new HandlerStreamSink(new Recorder() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                throw boom;
            }
        });
        assertThatThrownBy(() -> failing.chunk(chunk("{\"content\":\"x\"}", null)))
                .isInstanceOf(IOException.class)
                .hasCause(boom);
        assertThat(failing.consumerFailure()).isSameAs(boom);
    }

    @Test
    void a_stream_broken_after_it_began_reaches_on_error() {
        Recorder handler = new Recorder();

        new HandlerStreamSink(handler).fail(receipt(new Usage(1, 1, 0, 0)), GatewayException.modelNotFound("gone"));

        assertThat(handler.error).isInstanceOf(ModelNotFoundException.class).hasMessage("gone");
    }
}

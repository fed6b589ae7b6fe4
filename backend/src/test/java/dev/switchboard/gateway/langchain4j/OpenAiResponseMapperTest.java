package dev.switchboard.gateway.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.upstream.Usage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenAiResponseMapperTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void tool_calls_come_back_as_tool_execution_requests_with_the_charged_usage() {
        ChatResponse response = OpenAiResponseMapper.toChatResponse(json.readTree("""
                        {"id":"chatcmpl-1","object":"chat.completion","model":"sim-chat",
                         "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                           "tool_calls":[{"id":"call_9","type":"function",
                             "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}}],
                         "usage":{"prompt_tokens":99,"completion_tokens":99,"total_tokens":198}}"""), new Usage(40, 12, 0, 0));

        assertThat(response.aiMessage().text()).isNull();
        assertThat(response.aiMessage().toolExecutionRequests())
                .containsExactly(ToolExecutionRequest.builder()
                        .id("call_9")
                        .name("get_weather")
                        .arguments("{\"city\":\"Paris\"}")
                        .build());
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(response.tokenUsage()).isEqualTo(new TokenUsage(40, 12, 52));
        assertThat(response.modelName()).isEqualTo("sim-chat");
        assertThat(response.id()).isEqualTo("chatcmpl-1");
    }

    @Test
    void text_and_reasoning_come_back_as_text_and_thinking() {
        ChatResponse response = OpenAiResponseMapper.toChatResponse(json.readTree("""
                        {"id":"r","model":"deepseek-reasoner","choices":[{"index":0,"finish_reason":"length",
                          "message":{"role":"assistant","content":"Budgets","reasoning_content":"Think first."}}]}"""), new Usage(5, 3, 0, 1));

        assertThat(response.aiMessage().text()).isEqualTo("Budgets");
        assertThat(response.aiMessage().thinking()).isEqualTo("Think first.");
        assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void finish_reasons_map_like_langchain4js_openai_integration() {
        assertThat(OpenAiResponseMapper.finishReason("stop")).isEqualTo(FinishReason.STOP);
        assertThat(OpenAiResponseMapper.finishReason("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(OpenAiResponseMapper.finishReason("function_call")).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(OpenAiResponseMapper.finishReason("something_new")).isEqualTo(FinishReason.OTHER);
        assertThat(OpenAiResponseMapper.finishReason(null)).isNull();
    }

    @Test
    void gateway_errors_keep_their_message_and_become_langchain4j_exceptions_of_the_right_kind() {
        GatewayException unknown = GatewayException.modelNotFound("Unknown model 'x'. Use 'auto'.");

        assertThat(GatewayErrors.toLangChain4j(unknown))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessage("Unknown model 'x'. Use 'auto'.")
                .hasCause(unknown);
        assertThat(GatewayErrors.toLangChain4j(GatewayException.invalidRequest("input", "bad")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(GatewayErrors.toLangChain4j(GatewayException.forbidden("policy")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(GatewayErrors.toLangChain4j(GatewayException.rateLimited("slow down", Duration.ofSeconds(1))))
                .isInstanceOf(RateLimitException.class);
        assertThat(GatewayErrors.toLangChain4j(GatewayException.upstream(504, "upstream_timeout", "late", null)))
                .isInstanceOf(TimeoutException.class);
        assertThat(GatewayErrors.toLangChain4j(GatewayException.upstream(503, "no_available_provider", "none", null)))
                .isInstanceOf(InternalServerException.class);
    }
}

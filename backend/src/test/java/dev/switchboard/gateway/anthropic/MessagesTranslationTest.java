package dev.switchboard.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.GatewayException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MessagesTranslationTest {

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode parse(String s) {
        return json.readTree(s);
    }

    @Test
    void system_images_tools_and_stop_sequences_map_to_the_openai_request() {
        JsonNode openAi = MessagesRequests.toOpenAi(parse("""
                {"model":"sim-chat","max_tokens":100,"system":"be brief","stop_sequences":["END"],
                 "tools":[{"name":"lookup","description":"find","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"tool","name":"lookup"},
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"what is this"},
                     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]},
                   {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"lookup","input":{"q":"x"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"found"}]}]}"""));

        assertThat(openAi.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(openAi.path("stop").get(0).asString()).isEqualTo("END");
        JsonNode messages = openAi.path("messages");
        assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
        assertThat(messages.get(1)
                        .path("content")
                        .get(1)
                        .path("image_url")
                        .path("url")
                        .asString())
                .isEqualTo("data:image/png;base64,AAAA");
        assertThat(messages.get(2)
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("arguments")
                        .asString())
                .isEqualTo("{\"q\":\"x\"}");
        assertThat(messages.get(3).path("role").asString()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asString()).isEqualTo("t1");
        assertThat(openAi.path("tools")
                        .get(0)
                        .path("function")
                        .path("parameters")
                        .path("type")
                        .asString())
                .isEqualTo("object");
        assertThat(openAi.path("tool_choice").path("function").path("name").asString())
                .isEqualTo("lookup");
    }

    @Test
    void max_tokens_is_required_as_in_anthropics_api() {
        assertThatThrownBy(() -> MessagesRequests.toOpenAi(parse("""
                        {"model":"m","messages":[{"role":"user","content":"hi"}]}""")))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.param()).isEqualTo("max_tokens"));
    }

    @Test
    void a_completion_with_tool_calls_becomes_tool_use_blocks_and_usage_splits_out_cache_reads() {
        JsonNode message = MessagesResponses.fromOpenAi(parse("""
                {"id":"abc","model":"sim-chat","choices":[{"index":0,"finish_reason":"tool_calls",
                  "message":{"role":"assistant","content":"let me look",
                   "tool_calls":[{"id":"c1","type":"function","function":{"name":"lookup","arguments":"{\\"q\\":\\"x\\"}"}}]}}],
                 "usage":{"prompt_tokens":100,"completion_tokens":20,"prompt_tokens_details":{"cached_tokens":60}}}"""));

        assertThat(message.path("stop_reason").asString()).isEqualTo("tool_use");
        assertThat(message.path("content").get(0).path("text").asString()).isEqualTo("let me look");
        assertThat(message.path("content").get(1).path("input").path("q").asString())
                .isEqualTo("x");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(40);
        assertThat(message.path("usage").path("cache_read_input_tokens").asLong())
                .isEqualTo(60);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(20);
    }

    @Test
    void a_stream_of_chunks_becomes_the_anthropic_event_sequence() {
        MessagesStream stream = new MessagesStream("msg_1", "sim-chat", 12);
        List<MessagesStream.Event> events = new ArrayList<>();
        events.addAll(stream.onChunk(
                parse("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}")));
        events.addAll(stream.onChunk(parse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}")));
        events.addAll(stream.onChunk(parse("""
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"name":"f","arguments":"{\\"a\\""}}]}}]}""")));
        events.addAll(stream.onChunk(parse("""
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":":1}"}}]},"finish_reason":"tool_calls"}]}""")));
        events.addAll(stream.finish(parse("{\"prompt_tokens\":12,\"completion_tokens\":7}")));

        assertThat(events)
                .extracting(MessagesStream.Event::name)
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        assertThat(events.get(5).data().path("content_block").path("type").asString())
                .isEqualTo("tool_use");
        assertThat(events.get(5).data().path("index").asInt()).isEqualTo(1);
        assertThat(events.get(9).data().path("delta").path("stop_reason").asString())
                .isEqualTo("tool_use");
        assertThat(events.get(9).data().path("usage").path("output_tokens").asLong())
                .isEqualTo(7);
    }

    @Test
    void errors_use_anthropics_shape_and_types() {
        JsonNode error = MessagesResponses.error(429, "slow down");
        assertThat(error.path("type").asString()).isEqualTo("error");
        assertThat(error.path("error").path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(MessagesResponses.error(404, "x").path("error").path("type").asString())
                .isEqualTo("not_found_error");
    }
}

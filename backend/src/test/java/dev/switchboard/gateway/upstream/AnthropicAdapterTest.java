package dev.switchboard.gateway.upstream;

import static dev.switchboard.gateway.upstream.FakeUpstream.event;
import static dev.switchboard.gateway.upstream.FakeUpstream.json;
import static dev.switchboard.gateway.upstream.FakeUpstream.sse;
import static dev.switchboard.gateway.upstream.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.gateway.upstream.UpstreamException.ClientError;
import dev.switchboard.gateway.upstream.UpstreamException.RateLimited;
import dev.switchboard.gateway.upstream.UpstreamException.ServerError;
import dev.switchboard.gateway.upstream.UpstreamException.StreamCut;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnthropicAdapterTest {

    static final String MESSAGE = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"thinking","thinking":"Let me see.","signature":"sig"},
                        {"type":"text","text":"Checking the weather."},
                        {"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":50,"cache_creation_input_tokens":20,"cache_read_input_tokens":1000,"output_tokens":30}}""";

    final FakeUpstream fake = FakeUpstream.start();
    final AnthropicAdapter adapter = new AnthropicAdapter(FakeUpstream.JSON, Fixtures.CLOCK);

    @AfterEach
    void stop() {
        adapter.close();
        fake.close();
    }

    UpstreamTarget target() {
        return Fixtures.target(
                fake.baseUrl(""),
                ProtocolFamily.ANTHROPIC,
                "claude-sonnet-4-5",
                Quirks.forPreset("anthropic"),
                "sk-ant");
    }

    @Test
    void chat_sends_system_top_level_default_max_tokens_stop_images_and_tool_history() {
        fake.reply(json(200, MESSAGE));
        var request = json("""
                {"model":"alias","stop":"END","user":"u-7","temperature":1.6,"seed":4,
                 "messages":[
                   {"role":"system","content":"Be brief."},
                   {"role":"developer","content":"Answer in English."},
                   {"role":"user","content":[{"type":"text","text":"What is here?"},
                      {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                      {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}}]},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                      "function":{"name":"lookup","arguments":"{\\"q\\":\\"cat\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"a cat"},
                   {"role":"user","content":"Thanks"}]}""");

        adapter.chat(target(), request);

        var received = fake.request();
        assertThat(received.path()).isEqualTo("/v1/messages");
        assertThat(received.header("x-api-key")).isEqualTo("sk-ant");
        assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = received.body();
        assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("system").asString()).isEqualTo("Be brief.\n\nAnswer in English.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(body.path("stop_sequences").path(0).asString()).isEqualTo("END");
        assertThat(body.path("metadata").path("user_id").asString()).isEqualTo("u-7");
        assertThat(body.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(body.has("seed")).isFalse();
        JsonNode messages = body.path("messages");
        assertThat(messages.valueStream().map(m -> m.path("role").asString()))
                .containsExactly("user", "assistant", "user");
        JsonNode firstUser = messages.path(0).path("content");
        assertThat(firstUser.path(1).path("source").path("type").asString()).isEqualTo("base64");
        assertThat(firstUser.path(1).path("source").path("media_type").asString())
                .isEqualTo("image/png");
        assertThat(firstUser.path(2).path("source").path("url").asString()).isEqualTo("https://example.com/cat.jpg");
        JsonNode toolUse = messages.path(1).path("content").path(0);
        assertThat(toolUse.path("type").asString()).isEqualTo("tool_use");
        assertThat(toolUse.path("input").path("q").asString()).isEqualTo("cat");
        JsonNode lastUser = messages.path(2).path("content");
        assertThat(lastUser.path(0).path("type").asString()).isEqualTo("tool_result");
        assertThat(lastUser.path(0).path("tool_use_id").asString()).isEqualTo("call_1");
        assertThat(lastUser.path(0).path("content").asString()).isEqualTo("a cat");
        assertThat(lastUser.path(1).path("text").asString()).isEqualTo("Thanks");
    }

    @Test
    void the_deployment_max_output_is_the_default_and_the_request_limit_wins() {
        fake.reply(json(200, MESSAGE)).reply(json(200, MESSAGE));
        var quirks = Quirks.forPreset("anthropic").withDefaultMaxOutputTokens(64000);
        var target = Fixtures.target(fake.baseUrl(""), ProtocolFamily.ANTHROPIC, "claude", quirks, "k");

        adapter.chat(target, json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
        adapter.chat(
                target, json("{\"max_completion_tokens\":99,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

        assertThat(fake.request().body().path("max_tokens").asInt()).isEqualTo(64000);
        assertThat(fake.request().body().path("max_tokens").asInt()).isEqualTo(99);
    }

    @Test
    void response_maps_text_thinking_tool_calls_finish_reason_and_usage_with_cache_reads_in_the_prompt() {
        fake.reply(json(200, MESSAGE));

        ChatResult result =
                adapter.chat(target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}"));

        JsonNode choice = result.response().path("choices").path(0);
        assertThat(result.response().path("object").asString()).isEqualTo("chat.completion");
        assertThat(choice.path("message").path("content").asString()).isEqualTo("Checking the weather.");
        assertThat(choice.path("message").path("reasoning_content").asString()).isEqualTo("Let me see.");
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(call.path("id").asString()).isEqualTo("toolu_01");
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(json(call.path("function").path("arguments").asString())
                        .path("city")
                        .asString())
                .isEqualTo("Paris");
        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(result.usage()).isEqualTo(new Usage(1070, 30, 1000, 0));
        assertThat(result.response().path("usage").path("prompt_tokens").asLong())
                .isEqualTo(1070);
    }

    @Test
    void tools_and_tool_choice_translate_to_anthropic_tools() {
        fake.reply(json(200, MESSAGE));
        var request = json("""
                {"messages":[{"role":"user","content":"Weather?"}],"tool_choice":"required","parallel_tool_calls":false,
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]}""");

        adapter.chat(target(), request);

        JsonNode body = fake.request().body();
        assertThat(body.path("tools").path(0).path("name").asString()).isEqualTo("get_weather");
        assertThat(body.path("tools")
                        .path(0)
                        .path("input_schema")
                        .path("required")
                        .path(0)
                        .asString())
                .isEqualTo("city");
        assertThat(body.path("tool_choice").path("type").asString()).isEqualTo("any");
        assertThat(body.path("tool_choice").path("disable_parallel_tool_use").asBoolean())
                .isTrue();
    }

    @Test
    void a_json_schema_answer_comes_back_as_message_content() {
        fake.reply(json(200, """
                {"id":"msg_2","type":"message","role":"assistant","model":"claude",
                 "content":[{"type":"tool_use","id":"toolu_9","name":"json_response","input":{"answer":42}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5}}"""));
        var request = json("""
                {"messages":[{"role":"user","content":"Answer?"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"a","schema":{"type":"object",
                   "properties":{"answer":{"type":"integer"}}}}}}""");

        ChatResult result = adapter.chat(target(), request);

        JsonNode body = fake.request().body();
        assertThat(body.path("tool_choice").path("name").asString()).isEqualTo("json_response");
        assertThat(body.path("tools")
                        .path(0)
                        .path("input_schema")
                        .path("properties")
                        .has("answer"))
                .isTrue();
        JsonNode choice = result.response().path("choices").path(0);
        assertThat(json(choice.path("message").path("content").asString())
                        .path("answer")
                        .asInt())
                .isEqualTo(42);
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
    }

    @Test
    void stream_translates_the_event_sequence_into_chunks_and_returns_usage() {
        fake.reply(sse(
                event("message_start", """
                        {"type":"message_start","message":{"id":"msg_s","type":"message","role":"assistant","content":[],
                         "model":"claude-sonnet-4-5","stop_reason":null,
                         "usage":{"input_tokens":25,"cache_read_input_tokens":100,"output_tokens":1}}}"""),
                event(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                event("ping", "{\"type\":\"ping\"}"),
                event(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}"),
                event(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" there\"}}"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                event(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}"),
                event(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\"}}"),
                event(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\" \\\"Paris\\\"}\"}}"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                event(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}"),
                event("message_stop", "{\"type\":\"message_stop\"}")));
        var chunks = new Fixtures.Chunks();

        Usage usage =
                adapter.chatStream(target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), chunks);

        assertThat(fake.request().body().path("stream").asBoolean()).isTrue();
        assertThat(chunks.content()).isEqualTo("Hello there");
        assertThat(chunks.received
                        .getFirst()
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("role")
                        .asString())
                .isEqualTo("assistant");
        assertThat(chunks.received).allSatisfy(c -> {
            assertThat(c.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("id").asString()).isEqualTo("msg_s");
        });
        StringBuilder arguments = new StringBuilder();
        chunks.received.forEach(c -> c.path("choices")
                .path(0)
                .path("delta")
                .path("tool_calls")
                .forEach(call ->
                        arguments.append(call.path("function").path("arguments").asString(""))));
        assertThat(json(arguments.toString()).path("city").asString()).isEqualTo("Paris");
        assertThat(chunks.finishReasons()).containsExactly("tool_calls");
        assertThat(usage).isEqualTo(new Usage(125, 15, 100, 0));
    }

    @Test
    void an_overloaded_error_event_before_any_text_is_retryable_before_the_first_byte() {
        fake.reply(sse(
                event(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\",\"usage\":{\"input_tokens\":9,\"output_tokens\":0}}}"),
                event(
                        "error",
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        var chunks = new Fixtures.Chunks();

        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chatStream(
                        target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), chunks));

        assertThat(failure.kind()).isEqualTo(new ServerError(529));
        assertThat(failure.beforeFirstByte()).isTrue();
        assertThat(failure.getMessage()).contains("Overloaded");
        assertThat(chunks.received).isEmpty();
    }

    @Test
    void a_stream_cut_after_text_is_past_the_first_byte_and_keeps_the_usage_seen_so_far() {
        fake.reply(
                sse(
                        event(
                                "message_start",
                                "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\",\"usage\":{\"input_tokens\":40,\"output_tokens\":1}}}"),
                        event(
                                "content_block_start",
                                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                        event(
                                "content_block_delta",
                                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Par\"}}")));
        var chunks = new Fixtures.Chunks();

        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chatStream(
                        target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), chunks));

        assertThat(failure.kind()).isInstanceOf(StreamCut.class);
        assertThat(failure.beforeFirstByte()).isFalse();
        assertThat(failure.partialUsage()).contains(new Usage(40, 1, 0, 0));
        assertThat(chunks.content()).isEqualTo("Par");
    }

    @Test
    void status_529_is_a_server_error_and_429_reads_the_exhausted_anthropic_window() {
        fake.reply(json(
                        529,
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
                .reply(json(
                        429,
                        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many\"}}",
                        "anthropic-ratelimit-requests-remaining",
                        "0",
                        "anthropic-ratelimit-requests-reset",
                        "2026-11-28T10:00:45Z",
                        "anthropic-ratelimit-tokens-remaining",
                        "500",
                        "anthropic-ratelimit-tokens-reset",
                        "2026-11-28T10:05:00Z"));
        var request = json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        var overloaded = catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target(), request));
        var limited = catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target(), request));

        assertThat(overloaded.kind()).isEqualTo(new ServerError(529));
        assertThat(limited.kind()).isEqualTo(new RateLimited(Optional.of(Duration.ofSeconds(45))));
        assertThat(limited.getMessage()).contains("rate_limit_error: Too many");
    }

    @Test
    void embeddings_are_refused_with_a_clear_client_error_and_no_call() {
        var failure = catchThrowableOfType(
                UpstreamException.class, () -> adapter.embed(target(), json("{\"input\":\"hello\"}")));

        assertThat(failure.kind()).isInstanceOfSatisfying(ClientError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.upstreamMessage()).contains("no embeddings API");
        });
        assertThat(failure.retryable()).isFalse();
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void several_choices_cannot_be_asked_of_anthropic() {
        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chat(target(), json("{\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));

        assertThat(failure.kind()).isInstanceOf(ClientError.class);
        assertThat(fake.requestCount()).isZero();
    }
}

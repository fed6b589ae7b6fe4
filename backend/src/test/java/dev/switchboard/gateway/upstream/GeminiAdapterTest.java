package dev.switchboard.gateway.upstream;

import static dev.switchboard.gateway.upstream.FakeUpstream.data;
import static dev.switchboard.gateway.upstream.FakeUpstream.json;
import static dev.switchboard.gateway.upstream.FakeUpstream.sse;
import static dev.switchboard.gateway.upstream.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.gateway.upstream.UpstreamException.ClientError;
import dev.switchboard.gateway.upstream.UpstreamException.RateLimited;
import dev.switchboard.gateway.upstream.UpstreamException.StreamCut;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeminiAdapterTest {

    static final String RESPONSE = """
            {"candidates":[{"index":0,"finishReason":"STOP","content":{"role":"model","parts":[
                {"text":"Pondering...","thought":true},
                {"text":"It is sunny."},
                {"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}]}}],
             "usageMetadata":{"promptTokenCount":1200,"candidatesTokenCount":30,"thoughtsTokenCount":70,
                              "cachedContentTokenCount":1000,"totalTokenCount":1300},
             "modelVersion":"gemini-2.5-flash","responseId":"resp-1"}""";

    final FakeUpstream fake = FakeUpstream.start();
    final GeminiAdapter adapter = new GeminiAdapter(FakeUpstream.JSON, Fixtures.CLOCK);

    @AfterEach
    void stop() {
        adapter.close();
        fake.close();
    }

    UpstreamTarget target() {
        return Fixtures.target(
                fake.baseUrl(""), ProtocolFamily.GEMINI, "gemini-2.5-flash", Quirks.forPreset("gemini"), "g-key");
    }

    @Test
    void chat_translates_contents_system_instruction_generation_config_and_tools() {
        fake.reply(json(200, RESPONSE));
        var request = json("""
                {"model":"alias","temperature":0.3,"top_p":0.9,"max_tokens":256,"stop":["END"],"seed":7,
                 "response_format":{"type":"json_schema","json_schema":{"name":"w","schema":{"type":"object",
                    "properties":{"t":{"type":"number"}},"additionalProperties":false}}},
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                    "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "messages":[
                   {"role":"system","content":"Be brief."},
                   {"role":"user","content":[{"type":"text","text":"Look"},
                      {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]},
                   {"role":"assistant","tool_calls":[{"id":"call_7","type":"function",
                      "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_7","content":"{\\"temp\\":21}"},
                   {"role":"tool","tool_call_id":"call_7","content":"plain text"}]}""");

        adapter.chat(target(), request);

        var received = fake.request();
        assertThat(received.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(received.header("x-goog-api-key")).isEqualTo("g-key");
        JsonNode body = received.body();
        assertThat(body.path("systemInstruction")
                        .path("parts")
                        .path(0)
                        .path("text")
                        .asString())
                .isEqualTo("Be brief.");
        JsonNode contents = body.path("contents");
        assertThat(contents.valueStream().map(c -> c.path("role").asString())).containsExactly("user", "model", "user");
        assertThat(contents.path(0)
                        .path("parts")
                        .path(1)
                        .path("inlineData")
                        .path("mimeType")
                        .asString())
                .isEqualTo("image/jpeg");
        assertThat(contents.path(1)
                        .path("parts")
                        .path(0)
                        .path("functionCall")
                        .path("args")
                        .path("city")
                        .asString())
                .isEqualTo("Paris");
        JsonNode results = contents.path(2).path("parts");
        assertThat(results.path(0).path("functionResponse").path("name").asString())
                .isEqualTo("get_weather");
        assertThat(results.path(0)
                        .path("functionResponse")
                        .path("response")
                        .path("temp")
                        .asInt())
                .isEqualTo(21);
        assertThat(results.path(1)
                        .path("functionResponse")
                        .path("response")
                        .path("content")
                        .asString())
                .isEqualTo("plain text");
        JsonNode config = body.path("generationConfig");
        assertThat(config.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(config.path("topP").asDouble()).isEqualTo(0.9);
        assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(256);
        assertThat(config.path("stopSequences").path(0).asString()).isEqualTo("END");
        assertThat(config.path("seed").asInt()).isEqualTo(7);
        assertThat(config.path("responseMimeType").asString()).isEqualTo("application/json");
        assertThat(config.path("responseJsonSchema")
                        .path("additionalProperties")
                        .asBoolean(true))
                .isFalse();
        JsonNode declaration =
                body.path("tools").path(0).path("functionDeclarations").path(0);
        assertThat(declaration.path("name").asString()).isEqualTo("get_weather");
        assertThat(declaration.path("parametersJsonSchema").path("properties").has("city"))
                .isTrue();
        JsonNode calling = body.path("toolConfig").path("functionCallingConfig");
        assertThat(calling.path("mode").asString()).isEqualTo("ANY");
        assertThat(calling.path("allowedFunctionNames").path(0).asString()).isEqualTo("get_weather");
    }

    @Test
    void response_maps_parts_to_content_reasoning_and_tool_calls_and_usage_counts_thoughts_and_cache() {
        fake.reply(json(200, RESPONSE));

        ChatResult result =
                adapter.chat(target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}"));

        JsonNode message = result.response().path("choices").path(0).path("message");
        assertThat(message.path("content").asString()).isEqualTo("It is sunny.");
        assertThat(message.path("reasoning_content").asString()).isEqualTo("Pondering...");
        JsonNode call = message.path("tool_calls").path(0);
        assertThat(call.path("id").asString()).startsWith("call_");
        assertThat(json(call.path("function").path("arguments").asString())
                        .path("city")
                        .asString())
                .isEqualTo("Paris");
        assertThat(result.response()
                        .path("choices")
                        .path(0)
                        .path("finish_reason")
                        .asString())
                .isEqualTo("tool_calls");
        assertThat(result.response().path("model").asString()).isEqualTo("gemini-2.5-flash");
        assertThat(result.usage()).isEqualTo(new Usage(1200, 100, 1000, 70));
    }

    @Test
    void a_blocked_prompt_answers_with_a_content_filter_finish() {
        fake.reply(json(
                200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":{\"promptTokenCount\":9}}"));

        ChatResult result = adapter.chat(target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"...\"}]}"));

        assertThat(result.response()
                        .path("choices")
                        .path(0)
                        .path("finish_reason")
                        .asString())
                .isEqualTo("content_filter");
        assertThat(result.usage()).isEqualTo(new Usage(9, 0, 0, 0));
    }

    @Test
    void stream_asks_for_sse_and_translates_each_response_into_a_chunk() {
        fake.reply(
                sse(
                        data(
                                "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]}}],\"responseId\":\"r\"}"),
                        "\r\n",
                        data(
                                "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"lo\"}]},\"finishReason\":\"STOP\"}],"
                                        + "\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":2,\"thoughtsTokenCount\":3},\"responseId\":\"r\"}")));
        var chunks = new Fixtures.Chunks();

        Usage usage =
                adapter.chatStream(target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), chunks);

        var received = fake.request();
        assertThat(received.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
        assertThat(received.query()).isEqualTo("alt=sse");
        assertThat(chunks.content()).isEqualTo("Hello");
        assertThat(chunks.received
                        .getFirst()
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("role")
                        .asString())
                .isEqualTo("assistant");
        assertThat(chunks.finishReasons()).containsExactly("stop");
        assertThat(usage).isEqualTo(new Usage(10, 5, 0, 3));
    }

    @Test
    void a_stream_that_ends_before_a_finish_reason_is_cut() {
        fake.reply(sse(data("{\"candidates\":[{\"index\":0,\"content\":{\"parts\":[{\"text\":\"Hel\"}]}}]}")));
        var chunks = new Fixtures.Chunks();

        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chatStream(
                        target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), chunks));

        assertThat(failure.kind()).isInstanceOf(StreamCut.class);
        assertThat(failure.beforeFirstByte()).isFalse();
    }

    @Test
    void rate_limit_reads_the_retry_delay_from_the_error_body() {
        fake.reply(json(429, """
                {"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED",
                  "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}"""));

        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chat(target(), json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));

        assertThat(failure.kind()).isEqualTo(new RateLimited(Optional.of(Duration.ofSeconds(37))));
        assertThat(failure.getMessage()).contains("RESOURCE_EXHAUSTED: Quota exceeded");
    }

    @Test
    void remote_image_urls_are_refused_before_calling() {
        var request = json("""
                {"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]}""");

        var failure = catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target(), request));

        assertThat(failure.kind()).isInstanceOf(ClientError.class);
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void embeddings_batch_every_input_and_honour_base64_encoding() {
        fake.reply(json(200, "{\"embeddings\":[{\"values\":[0.5,-1.0]},{\"values\":[0.25,2.0]}]}"));
        var request = json(
                "{\"model\":\"alias\",\"input\":[\"one\",\"two\"],\"dimensions\":2,\"encoding_format\":\"base64\"}");

        EmbeddingResult result = adapter.embed(target(), request);

        var received = fake.request();
        assertThat(received.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:batchEmbedContents");
        JsonNode requests = received.body().path("requests");
        assertThat(requests.size()).isEqualTo(2);
        assertThat(requests.path(1).path("model").asString()).isEqualTo("models/gemini-2.5-flash");
        assertThat(requests.path(1)
                        .path("content")
                        .path("parts")
                        .path(0)
                        .path("text")
                        .asString())
                .isEqualTo("two");
        assertThat(requests.path(0).path("outputDimensionality").asInt()).isEqualTo(2);
        JsonNode second = result.response().path("data").path(1);
        assertThat(second.path("index").asInt()).isEqualTo(1);
        ByteBuffer floats = ByteBuffer.wrap(
                        Base64.getDecoder().decode(second.path("embedding").asString()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(floats.getFloat()).isEqualTo(0.25f);
        assertThat(floats.getFloat()).isEqualTo(2.0f);
        assertThat(result.usage()).isNull();
    }
}

package dev.switchboard.gateway.upstream;

import static dev.switchboard.gateway.upstream.FakeUpstream.data;
import static dev.switchboard.gateway.upstream.FakeUpstream.json;
import static dev.switchboard.gateway.upstream.FakeUpstream.sse;
import static dev.switchboard.gateway.upstream.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.gateway.upstream.UpstreamException.ClientError;
import dev.switchboard.gateway.upstream.UpstreamException.Malformed;
import dev.switchboard.gateway.upstream.UpstreamException.RateLimited;
import dev.switchboard.gateway.upstream.UpstreamException.ServerError;
import dev.switchboard.gateway.upstream.UpstreamException.StreamCut;
import dev.switchboard.gateway.upstream.UpstreamException.Timeout;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class OpenAiCompatibleAdapterTest {

    static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-x",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":120,"completion_tokens":40,"total_tokens":160,
                      "prompt_tokens_details":{"cached_tokens":100},
                      "completion_tokens_details":{"reasoning_tokens":25}}}""";

    final FakeUpstream fake = FakeUpstream.start();
    final OpenAiCompatibleAdapter adapter = new OpenAiCompatibleAdapter(FakeUpstream.JSON, Fixtures.CLOCK);

    @AfterEach
    void stop() {
        adapter.close();
        fake.close();
    }

    UpstreamTarget target(String preset, String key) {
        return Fixtures.target(
                fake.baseUrl("/v1"), ProtocolFamily.OPENAI_COMPATIBLE, "upstream-model", Quirks.forPreset(preset), key);
    }

    ObjectNode request() {
        return json("""
                {"model":"client-alias","messages":[{"role":"user","content":"Hi"}],"max_tokens":50,
                 "x_vendor_extension":{"keep":true}}""");
    }

    @Test
    void chat_posts_to_chat_completions_with_bearer_key_and_maps_cached_and_reasoning_usage() {
        fake.reply(json(200, COMPLETION));

        ChatResult result = adapter.chat(target("deepseek", "sk-test"), request());

        var received = fake.request();
        assertThat(received.path()).isEqualTo("/v1/chat/completions");
        assertThat(received.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(received.body().path("model").asString()).isEqualTo("upstream-model");
        assertThat(received.body().path("x_vendor_extension").path("keep").asBoolean())
                .isTrue();
        assertThat(received.body().has("stream")).isFalse();
        assertThat(result.response()
                        .path("choices")
                        .path(0)
                        .path("message")
                        .path("content")
                        .asString())
                .isEqualTo("Hello!");
        assertThat(result.usage()).isEqualTo(new Usage(120, 40, 100, 25));
    }

    @Test
    void deepseek_prompt_cache_hits_count_as_cached_prompt_tokens() {
        fake.reply(json(200, """
                {"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1000,"completion_tokens":10,"prompt_cache_hit_tokens":800,
                          "prompt_cache_miss_tokens":200}}"""));

        ChatResult result = adapter.chat(target("deepseek", "k"), request());

        assertThat(result.usage()).isEqualTo(new Usage(1000, 10, 800, 0));
    }

    @Test
    void a_response_without_usage_yields_null_usage() {
        fake.reply(json(200, """
                {"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}"""));

        assertThat(adapter.chat(target("vllm", ""), request()).usage()).isNull();
    }

    @Test
    void the_listener_is_told_it_caught_up_before_a_pause_so_a_chunk_never_waits_for_the_next() {
        String chunk =
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}";
        fake.reply(sse(
                data(chunk.formatted("Hel")) + data(chunk.formatted("lo")), // one write
                Duration.ofMillis(300),
                data(chunk.formatted("!")),
                data("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"),
                "data: [DONE]\n\n"));
        List<String> seen = new ArrayList<>();

        adapter.chatStream(target("openai", "k"), request(), new ChatStreamListener() {
            @Override
            public void onChunk(ObjectNode c) {
                seen.add(c.path("choices").path(0).path("delta").path("content").asString("<end>"));
            }

            @Override
            public void onCaughtUp() {
                seen.add("caught-up");
            }
        });

        assertThat(seen).containsSubsequence("Hel", "lo", "caught-up", "!");
        assertThat(seen.subList(0, seen.indexOf("!"))).contains("caught-up");
    }

    @Test
    void stream_forces_include_usage_ignores_keep_alives_and_returns_the_final_usage() {
        fake.reply(sse(
                ": keep-alive\n\n",
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}"),
                ": OPENROUTER PROCESSING\n\n",
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}"),
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}"),
                data("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"),
                data(
                        "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":4}}}"),
                "data: [DONE]\n\n"));
        ObjectNode request = request();
        request.putObject("stream_options").put("include_usage", false);
        var chunks = new Fixtures.Chunks();

        Usage usage = adapter.chatStream(target("openai", "k"), request, chunks);

        var received = fake.request();
        assertThat(received.body().path("stream").asBoolean()).isTrue();
        assertThat(received.body().path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(usage).isEqualTo(new Usage(12, 2, 4, 0));
        assertThat(chunks.content()).isEqualTo("Hello");
        assertThat(chunks.received)
                .hasSize(4)
                .allSatisfy(chunk -> assertThat(chunk.has("usage")).isFalse());
        assertThat(chunks.received
                        .getFirst()
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("role")
                        .asString())
                .isEqualTo("assistant");
        assertThat(chunks.finishReasons()).containsExactly("stop");
    }

    @Test
    void multi_line_data_and_crlf_line_endings_are_one_event() {
        fake.reply(sse(
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\r\ndata: \"delta\":{\"content\":\"A\"},\"finish_reason\":null}]}\r\n\r\n",
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\r\n\r\n",
                "data: [DONE]\r\n\r\n"));
        var chunks = new Fixtures.Chunks();

        adapter.chatStream(target("vllm", ""), request(), chunks);

        assertThat(chunks.content()).isEqualTo("A");
    }

    @Test
    void deepseek_reasoning_content_deltas_reach_the_listener() {
        fake.reply(sse(
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"Think\"},\"finish_reason\":null}]}"),
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"42\"},\"finish_reason\":\"stop\"}]}"),
                data(
                        "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":9,\"completion_tokens_details\":{\"reasoning_tokens\":7}}}"),
                "data: [DONE]\n\n"));
        var chunks = new Fixtures.Chunks();

        Usage usage = adapter.chatStream(target("deepseek", "k"), request(), chunks);

        assertThat(chunks.deltas("reasoning_content")).isEqualTo("Think");
        assertThat(chunks.content()).isEqualTo("42");
        assertThat(usage.reasoningTokens()).isEqualTo(7);
    }

    @Test
    void moonshot_usage_inside_the_choice_is_found() {
        fake.reply(sse(
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"),
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":1}}]}"),
                "data: [DONE]\n\n"));
        var chunks = new Fixtures.Chunks();

        Usage usage = adapter.chatStream(target("kimi", "k"), request(), chunks);

        assertThat(usage).isEqualTo(new Usage(8, 1, 0, 0));
        assertThat(chunks.received.getLast().path("choices").path(0).has("usage"))
                .isFalse();
    }

    @Test
    void rate_limit_carries_retry_after_seconds() {
        fake.reply(json(
                429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_exceeded\"}}", "Retry-After", "7"));

        var failure =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "k"), request()));

        assertThat(failure.kind()).isEqualTo(new RateLimited(java.util.Optional.of(Duration.ofSeconds(7))));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.beforeFirstByte()).isTrue();
        assertThat(failure.getMessage()).contains("slow down");
    }

    @Test
    void rate_limit_retry_after_may_be_an_http_date() {
        fake.reply(json(429, "{}", "Retry-After", "Sat, 28 Nov 2026 10:00:30 GMT"));

        var failure =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "k"), request()));

        assertThat(((RateLimited) failure.kind()).retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void without_retry_after_the_exhausted_openai_window_reset_is_used() {
        fake.reply(json(
                429,
                "{}",
                "x-ratelimit-remaining-requests",
                "10",
                "x-ratelimit-reset-requests",
                "1s",
                "x-ratelimit-remaining-tokens",
                "0",
                "x-ratelimit-reset-tokens",
                "6m0s"));

        var failure =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "k"), request()));

        assertThat(((RateLimited) failure.kind()).retryAfter()).contains(Duration.ofMinutes(6));
    }

    @Test
    void server_errors_500_and_503_are_retryable_server_errors() {
        fake.reply(json(500, "{\"error\":{\"message\":\"boom\"}}")).reply(json(503, "upstream unavailable"));

        var first = catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "k"), request()));
        var second =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "k"), request()));

        assertThat(first.kind()).isEqualTo(new ServerError(500));
        assertThat(second.kind()).isEqualTo(new ServerError(503));
        assertThat(second.retryable()).isTrue();
    }

    @Test
    void a_rejected_upstream_key_is_a_client_error_with_the_upstream_message() {
        fake.reply(json(
                401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));

        var failure =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "bad"), request()));

        assertThat(failure.kind()).isInstanceOfSatisfying(ClientError.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.upstreamMessage()).contains("Incorrect API key provided");
        });
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void an_upstream_slower_than_the_read_timeout_times_out() {
        fake.reply(FakeUpstream.after(Duration.ofSeconds(3), json(200, COMPLETION)));
        UpstreamTarget impatient = Fixtures.withReadTimeout(target("openai", "k"), Duration.ofMillis(300));

        var failure = catchThrowableOfType(UpstreamException.class, () -> adapter.chat(impatient, request()));

        assertThat(failure.kind()).isInstanceOf(Timeout.class);
        assertThat(failure.beforeFirstByte()).isTrue();
    }

    @Test
    void a_completion_that_trickles_in_past_the_read_timeout_times_out_although_no_single_read_waits_that_long() {
        byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
        fake.reply(
                exchange -> { // all of it would take body.length x 50 ms, over 15 s
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    OutputStream out = exchange.getResponseBody();
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(50);
                    }
                });
        UpstreamTarget impatient = Fixtures.withReadTimeout(target("openai", "k"), Duration.ofMillis(400));

        long started = System.nanoTime();
        var failure = catchThrowableOfType(UpstreamException.class, () -> adapter.chat(impatient, request()));

        assertThat(failure.kind()).isInstanceOf(Timeout.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void consecutive_calls_reuse_one_kept_alive_connection() {
        fake.reply(json(200, COMPLETION)).reply(json(200, COMPLETION));

        adapter.chat(target("openai", "k"), request());
        adapter.chat(target("openai", "k"), request());

        assertThat(fake.request().clientPort()).isEqualTo(fake.request().clientPort());
    }

    @Test
    void consecutive_streams_reuse_one_kept_alive_connection() throws InterruptedException {
        String chunk =
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}";
        fake.reply(sse(data(chunk), "data: [DONE]\n\n")).reply(sse(data(chunk), "data: [DONE]\n\n"));

        adapter.chatStream(target("openai", "k"), request(), c -> {});
        // the end of the first body (the chunked framing after [DONE]) is read off the caller's thread,
        // in microseconds; then its connection is back in the pool
        Thread.sleep(300);
        adapter.chatStream(target("openai", "k"), request(), c -> {});

        int first = fake.request().clientPort();
        assertThat(fake.request().clientPort()).isEqualTo(first);
    }

    @Test
    void a_success_status_with_a_body_that_is_not_json_is_malformed() {
        fake.reply(FakeUpstream.text(200, "application/json", "<html>gateway</html>"));

        var failure =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "k"), request()));

        assertThat(failure.kind()).isInstanceOf(Malformed.class);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void a_completion_declaring_far_more_bytes_than_it_sends_fails_without_a_buffer_of_the_declared_size() {
        fake.reply(FakeUpstream.unfinished(200, 2_000_000_000L, COMPLETION, Duration.ZERO));

        long allocatedBefore = allocatedByThisThread();
        var failure =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target("openai", "k"), request()));
        long allocated = allocatedByThisThread() - allocatedBefore;

        assertThat(failure.kind()).isInstanceOf(UpstreamException.Connection.class);
        assertThat(failure.retryable()).isTrue();
        assertThat(allocated).as("bytes allocated by the call").isLessThan(64L << 20);
    }

    @Test
    void a_completion_of_several_mebibytes_is_read_whole_to_its_declared_length() {
        String content = "y".repeat(3 << 20);
        fake.reply(json(200, COMPLETION.replace("Hello!", content)));

        ChatResult result = adapter.chat(target("openai", "k"), request());

        assertThat(result.response().at("/choices/0/message/content").asString())
                .hasSize(content.length());
        assertThat(result.usage()).isEqualTo(new Usage(120, 40, 100, 25)); // the end of the body
    }

    @Test
    void a_stream_that_ends_without_done_after_content_is_cut_after_the_first_byte() {
        fake.reply(
                sse(
                        data(
                                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hal\"},\"finish_reason\":null}]}"),
                        data(
                                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"f\"},\"finish_reason\":null}]}")));
        var chunks = new Fixtures.Chunks();

        var failure = catchThrowableOfType(
                UpstreamException.class, () -> adapter.chatStream(target("openai", "k"), request(), chunks));

        assertThat(failure.kind()).isInstanceOf(StreamCut.class);
        assertThat(failure.beforeFirstByte()).isFalse();
        assertThat(chunks.content()).isEqualTo("Half");
    }

    @Test
    void a_stream_cut_after_only_the_role_preamble_is_still_before_the_first_byte() {
        fake.reply(
                sse(
                        data(
                                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}")));
        var chunks = new Fixtures.Chunks();

        var failure = catchThrowableOfType(
                UpstreamException.class, () -> adapter.chatStream(target("openai", "k"), request(), chunks));

        assertThat(failure.kind()).isInstanceOf(StreamCut.class);
        assertThat(failure.beforeFirstByte()).isTrue();
        assertThat(chunks.received).isEmpty();
    }

    @Test
    void a_connection_broken_off_mid_stream_is_a_stream_cut() {
        fake.reply(FakeUpstream.sseBrokenOff(data(
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}")));
        var chunks = new Fixtures.Chunks();

        var failure = catchThrowableOfType(
                UpstreamException.class, () -> adapter.chatStream(target("openai", "k"), request(), chunks));

        assertThat(failure.kind()).isInstanceOf(StreamCut.class);
        assertThat(failure.getCause()).isInstanceOf(java.io.IOException.class);
        assertThat(failure.beforeFirstByte()).isFalse();
    }

    @Test
    void a_stream_that_goes_silent_longer_than_the_read_timeout_times_out() {
        fake.reply(sse(
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"),
                Duration.ofSeconds(3),
                "data: [DONE]\n\n"));
        UpstreamTarget impatient = Fixtures.withReadTimeout(target("openai", "k"), Duration.ofMillis(500));
        var chunks = new Fixtures.Chunks();

        var failure =
                catchThrowableOfType(UpstreamException.class, () -> adapter.chatStream(impatient, request(), chunks));

        assertThat(failure.kind()).isInstanceOf(Timeout.class);
        assertThat(failure.beforeFirstByte()).isFalse();
        assertThat(chunks.content()).isEqualTo("Hi");
    }

    @Test
    void an_error_event_before_any_content_can_still_fall_back() {
        fake.reply(sse(data("{\"error\":{\"code\":503,\"message\":\"provider overloaded\"}}")));

        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chatStream(target("openrouter", "k"), request(), new Fixtures.Chunks()));

        assertThat(failure.kind()).isEqualTo(new ServerError(503));
        assertThat(failure.beforeFirstByte()).isTrue();
    }

    @Test
    void a_stream_request_refused_with_429_fails_before_the_first_byte() {
        fake.reply(json(429, "{\"error\":{\"message\":\"rate\"}}", "retry-after-ms", "1500"));

        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chatStream(target("openai", "k"), request(), new Fixtures.Chunks()));

        assertThat(failure.kind()).isEqualTo(new RateLimited(java.util.Optional.of(Duration.ofMillis(1500))));
        assertThat(failure.beforeFirstByte()).isTrue();
    }

    @Test
    void a_stream_refused_with_a_large_error_body_that_never_finishes_keeps_its_status() {
        // more than the 64 KB of an error body that are read: the rest is cut off, the body never ends
        String error = "{\"error\":{\"message\":\"overloaded\",\"trace\":\"" + "x".repeat(80 * 1024);
        fake.reply(FakeUpstream.unfinished(500, 0, error, Duration.ofSeconds(10)));

        long started = System.nanoTime();
        var failure = catchThrowableOfType(
                UpstreamException.class,
                () -> adapter.chatStream(target("openai", "k"), request(), new Fixtures.Chunks()));

        assertThat(failure.kind()).isEqualTo(new ServerError(500));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.beforeFirstByte()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_listener_that_fails_stops_the_stream_and_its_exception_comes_back_unchanged() {
        fake.reply(sse(
                data(
                        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"),
                Duration.ofSeconds(10),
                "data: [DONE]\n\n"));
        var clientGone = new IllegalStateException("client disconnected");

        long started = System.nanoTime();
        assertThatThrownBy(() -> adapter.chatStream(target("openai", "k"), request(), chunk -> {
                    throw clientGone;
                }))
                .isSameAs(clientGone);
        // the rest of the stream is cut off, not read to its end (the upstream pauses 10 s before [DONE])
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void openai_preset_sends_max_completion_tokens_instead_of_max_tokens() {
        fake.reply(json(200, COMPLETION));

        adapter.chat(target("openai", "k"), request());

        var body = fake.request().body();
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(50);
    }

    @Test
    void glm_clamps_temperature_into_its_documented_range() {
        fake.reply(json(200, COMPLETION));
        fake.reply(json(200, COMPLETION));

        adapter.chat(target("glm", "k"), request().put("temperature", 1.7));
        adapter.chat(target("glm", "k"), request().put("temperature", 0));

        assertThat(fake.request().body().path("temperature").asDouble()).isEqualTo(0.99);
        assertThat(fake.request().body().path("temperature").asDouble()).isEqualTo(0.01);
    }

    @Test
    void minimax_refuses_more_than_one_choice_without_calling_upstream() {
        ObjectNode request = request().put("n", 3);

        assertThatThrownBy(() -> adapter.chat(target("minimax", "k"), request))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.kind()).isInstanceOf(ClientError.class);
                    assertThat(e.getMessage()).contains("at most 1 choice");
                });
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void ollama_gets_no_authorization_header_and_no_unsupported_fields() {
        fake.reply(json(200, COMPLETION));
        ObjectNode request = request().put("user", "u-1").put("n", 1).put("tool_choice", "auto");

        adapter.chat(target("ollama", ""), request);

        var received = fake.request();
        assertThat(received.header("Authorization")).isNull();
        assertThat(received.body().has("user")).isFalse();
        assertThat(received.body().has("n")).isFalse();
        assertThat(received.body().has("tool_choice")).isFalse();
        assertThat(received.body().path("max_tokens").asInt()).isEqualTo(50);
    }

    @Test
    void openrouter_attribution_headers_are_sent_when_configured() {
        fake.reply(json(200, COMPLETION));
        Quirks quirks = Quirks.forPreset("openrouter")
                .withExtraHeaders(Map.of("HTTP-Referer", "https://switchboard.example", "X-Title", "Switchboard"));
        UpstreamTarget target = Fixtures.target(
                fake.baseUrl("/api/v1"), ProtocolFamily.OPENAI_COMPATIBLE, "openai/gpt-4o", quirks, "k");

        adapter.chat(target, request());

        var received = fake.request();
        assertThat(received.path()).isEqualTo("/api/v1/chat/completions");
        assertThat(received.header("HTTP-Referer")).isEqualTo("https://switchboard.example");
        assertThat(received.header("X-Title")).isEqualTo("Switchboard");
    }

    @Test
    void embeddings_post_to_embeddings_and_report_prompt_tokens() {
        fake.reply(json(200, """
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}],
                 "model":"text-embedding-3-small","usage":{"prompt_tokens":3,"total_tokens":3}}"""));

        EmbeddingResult result =
                adapter.embed(target("openai", "k"), json("{\"model\":\"emb\",\"input\":\"hi there\"}"));

        var received = fake.request();
        assertThat(received.path()).isEqualTo("/v1/embeddings");
        assertThat(received.body().path("model").asString()).isEqualTo("upstream-model");
        assertThat(result.usage()).isEqualTo(new Usage(3, 0, 0, 0));
        assertThat(result.response().path("data").path(0).path("embedding").size())
                .isEqualTo(2);
    }

    @Test
    void an_unreachable_upstream_is_a_connection_failure() {
        var closed = FakeUpstream.start();
        var url = closed.baseUrl("/v1");
        closed.close();
        UpstreamTarget target =
                Fixtures.target(url, ProtocolFamily.OPENAI_COMPATIBLE, "m", Quirks.forPreset("vllm"), "");

        var failure = catchThrowableOfType(UpstreamException.class, () -> adapter.chat(target, request()));

        assertThat(failure.kind()).isInstanceOf(UpstreamException.Connection.class);
        assertThat(failure.retryable()).isTrue();
    }

    /** What the current thread allocated so far: the call runs on it. */
    static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}

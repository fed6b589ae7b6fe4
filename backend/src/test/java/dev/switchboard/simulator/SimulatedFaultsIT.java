package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimHttp.ANTHROPIC_KEY;
import static dev.switchboard.simulator.SimHttp.OPENAI_KEY;
import static dev.switchboard.simulator.SimHttp.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Injected faults, as the gateway's fallback and ledger code must survive them, over real HTTP. */
@IntegrationTest
@TestPropertySource(properties = "switchboard.simulator.zero-latency=true")
class SimulatedFaultsIT {

    static final String CHAT = "/simulated/sim-mid/v1/chat/completions";
    static final String MESSAGES = "/simulated/sim-claude/v1/messages";

    @LocalServerPort
    int port;

    SimHttp http;
    String unique;

    @BeforeEach
    void setUp() {
        http = new SimHttp(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> chat(boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>(SimulatedOpenAiIT.chat("m", "Forecast the revenue " + unique));
        body.put("stream", stream);
        return body;
    }

    private Map<String, Object> message(boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>(SimulatedAnthropicIT.message("Forecast the revenue " + unique));
        body.put("stream", stream);
        return body;
    }

    @Test
    void a_429_carries_retry_after_and_the_providers_error_shape() {
        var openAi = http.post(CHAT, chat(false), with(OPENAI_KEY, "x-sim-fault", "429"));
        var anthropic = http.post(MESSAGES, message(false), with(ANTHROPIC_KEY, "x-sim-fault", "429"));

        assertThat(openAi.status()).isEqualTo(429);
        assertThat(openAi.header("retry-after")).isEqualTo("1");
        assertThat(openAi.header("x-switchboard-simulated")).isEqualTo("true");
        assertThat(openAi.json().at("/error/code").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(anthropic.status()).isEqualTo(429);
        assertThat(anthropic.header("retry-after")).isEqualTo("1");
        assertThat(anthropic.json().at("/error/type").asString()).isEqualTo("rate_limit_error");
    }

    @Test
    void a_500_and_a_503_answer_in_the_providers_error_shape() {
        var openAi500 = http.post(CHAT, chat(true), with(OPENAI_KEY, "x-sim-fault", "500"));
        var openAi503 = http.post(CHAT, chat(false), with(OPENAI_KEY, "x-sim-fault", "503"));
        var anthropic503 = http.post(MESSAGES, message(true), with(ANTHROPIC_KEY, "x-sim-fault", "503"));

        assertThat(openAi500.status()).isEqualTo(500);
        assertThat(openAi500.json().at("/error/type").asString()).isEqualTo("server_error");
        assertThat(openAi503.status()).isEqualTo(503);
        assertThat(anthropic503.status()).isEqualTo(503);
        assertThat(anthropic503.json().at("/error/type").asString()).isEqualTo("overloaded_error");
    }

    @Test
    void a_timeout_keeps_the_client_waiting_past_its_own_timeout() {
        assertThatThrownBy(() -> http.postWithTimeout(
                        CHAT, chat(false), Duration.ofMillis(500), with(OPENAI_KEY, "x-sim-fault", "timeout")))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void a_cut_stream_ends_without_done_after_the_asked_number_of_tokens() {
        var streamed =
                http.stream(CHAT, chat(true), with(OPENAI_KEY, "x-sim-fault", "cut", "x-sim-fault-after-tokens", "2"));

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.done()).isFalse();
        List<JsonNode> chunks = streamed.data();
        assertThat(chunks).hasSize(3);
        assertThat(chunks.getFirst().at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        assertThat(chunks).noneMatch(c -> c.at("/choices/0/finish_reason").isString());
        assertThat(streamed.failure())
                .as("the client sees the connection end early")
                .isNotNull();
    }

    @Test
    void a_stream_cut_before_the_first_token_sends_only_the_opening() {
        var openAi =
                http.stream(CHAT, chat(true), with(OPENAI_KEY, "x-sim-fault", "cut", "x-sim-fault-after-tokens", "0"));
        var anthropic = http.stream(
                MESSAGES, message(true), with(ANTHROPIC_KEY, "x-sim-fault", "cut", "x-sim-fault-after-tokens", "0"));

        assertThat(openAi.data()).hasSize(1);
        assertThat(openAi.data().getFirst().at("/choices/0/delta/content").asString())
                .isEmpty();
        assertThat(anthropic.eventNames()).containsExactly("message_start", "content_block_start", "ping");
        assertThat(anthropic.failure()).isNotNull();
    }

    @Test
    void a_cut_anthropic_stream_never_sends_message_stop() {
        var streamed = http.stream(MESSAGES, message(true), with(ANTHROPIC_KEY, "x-sim-fault", "cut"));

        assertThat(streamed.eventNames())
                .contains("content_block_delta")
                .doesNotContain("message_delta", "message_stop");
        assertThat(streamed.eventNames().stream().filter("content_block_delta"::equals))
                .hasSize(FaultPlan.DEFAULT_CUT_AFTER_TOKENS);
    }

    @Test
    void a_cut_plain_answer_closes_the_connection_inside_the_body() {
        var request = http.request(CHAT, chat(false), with(OPENAI_KEY, "x-sim-fault", "cut"))
                .build();

        assertThatThrownBy(() -> SimHttp.client().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void a_malformed_answer_is_a_200_with_a_body_that_is_not_json() {
        var plain = http.post(CHAT, chat(false), with(OPENAI_KEY, "x-sim-fault", "malformed"));
        var streamed = http.stream(CHAT, chat(true), with(OPENAI_KEY, "x-sim-fault", "malformed"));

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("content-type")).startsWith("application/json");
        assertThatThrownBy(plain::json).isInstanceOf(JacksonException.class);
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.done()).isTrue();
        assertThatThrownBy(streamed::data).isInstanceOf(JacksonException.class);
    }

    @Test
    void an_unknown_fault_is_a_400() {
        var reply = http.post(CHAT, chat(false), with(OPENAI_KEY, "x-sim-fault", "explode"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asString()).contains("x-sim-fault 'explode'");
    }

    @Test
    void the_flaky_provider_fails_some_calls_with_retryable_statuses_and_a_retry_can_succeed() {
        String path = "/simulated/sim-flaky/v1/chat/completions";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(http.post(path, SimulatedOpenAiIT.chat("m", "Call " + i + " " + unique), OPENAI_KEY)
                    .status());
        }

        assertThat(statuses).contains(200).containsAnyOf(429, 500, 503);
        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 429, 500, 503));
        int failed = statuses.indexOf(
                statuses.stream().filter(s -> s != 200).findFirst().orElseThrow());
        var retry = SimulatedOpenAiIT.chat("m", "Call " + failed + " " + unique);
        List<Integer> retries = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && !retries.contains(200); attempt++) {
            retries.add(http.post(path, retry, OPENAI_KEY).status());
        }
        assertThat(retries).contains(200);
    }
}

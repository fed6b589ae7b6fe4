package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimHttp.ANTHROPIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The Anthropic-format simulated provider over real HTTP, in the Messages wire format. */
@IntegrationTest
@TestPropertySource(properties = "switchboard.simulator.zero-latency=true")
class SimulatedAnthropicIT {

    static final String MESSAGES = "/simulated/sim-claude/v1/messages";

    static final Map<String, Object> WEATHER_TOOL = Map.of(
            "name",
            "get_weather",
            "description",
            "Get the current weather for a city",
            "input_schema",
            Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("city", Map.of("type", "string")),
                    "required",
                    List.of("city")));

    @LocalServerPort
    int port;

    SimHttp http;
    String unique;

    @BeforeEach
    void setUp() {
        http = new SimHttp(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> message(String user, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "claude-sonnet-4-5");
        body.put("max_tokens", 1024);
        body.put("system", "You are concise.");
        body.put("messages", List.of(Map.of("role", "user", "content", user)));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @Test
    void answers_a_message_with_text_stop_reason_and_usage() {
        var reply = http.post(MESSAGES, message("Draft the audit plan " + unique), ANTHROPIC_KEY);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-simulated")).isEqualTo("true");
        assertThat(reply.header("request-id")).startsWith("req_");
        JsonNode json = reply.json();
        assertThat(json.get("type").asString()).isEqualTo("message");
        assertThat(json.get("id").asString()).startsWith("msg_");
        assertThat(json.get("role").asString()).isEqualTo("assistant");
        assertThat(json.get("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(json.at("/content/0/type").asString()).isEqualTo("text");
        assertThat(json.at("/content/0/text").asString()).contains("Draft the audit plan");
        assertThat(json.get("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(json.get("stop_sequence").isNull()).isTrue();
        assertThat(json.at("/usage/input_tokens").asInt()).isPositive();
        assertThat(json.at("/usage/output_tokens").asInt()).isPositive();
        assertThat(json.at("/usage/cache_read_input_tokens").asInt()).isZero();
    }

    @Test
    void streams_the_documented_event_sequence_adding_up_to_the_plain_answer() {
        var request = message("Draft the audit plan " + unique);
        JsonNode plain = http.post(MESSAGES, request, ANTHROPIC_KEY).json();
        var streamRequest = new LinkedHashMap<>(request);
        streamRequest.put("stream", true);

        var streamed = http.stream(MESSAGES, streamRequest, ANTHROPIC_KEY);

        assertThat(streamed.failure()).isNull();
        List<String> events = streamed.eventNames();
        assertThat(events.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
        assertThat(events.subList(events.size() - 3, events.size()))
                .containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(events.subList(3, events.size() - 3)).isNotEmpty().containsOnly("content_block_delta");
        List<JsonNode> data = streamed.data();
        assertThat(data).extracting(d -> d.get("type").asString()).containsExactlyElementsOf(events);
        assertThat(data.getFirst().at("/message/usage/input_tokens").asInt())
                .isEqualTo(plain.at("/usage/input_tokens").asInt());
        String text = data.stream()
                .filter(d -> d.get("type").asString().equals("content_block_delta"))
                .peek(d -> assertThat(d.at("/delta/type").asString()).isEqualTo("text_delta"))
                .map(d -> d.at("/delta/text").asString())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(plain.at("/content/0/text").asString());
        JsonNode messageDelta = data.get(data.size() - 2);
        assertThat(messageDelta.at("/delta/stop_reason").asString()).isEqualTo("end_turn");
        assertThat(messageDelta.at("/usage/output_tokens").asInt())
                .isEqualTo(plain.at("/usage/output_tokens").asInt());
    }

    @Test
    void streams_a_tool_use_block_with_input_json_deltas() {
        var request =
                message("What is the weather in Lisbon? " + unique, "tools", List.of(WEATHER_TOOL), "stream", true);

        var streamed = http.stream(MESSAGES, request, ANTHROPIC_KEY);

        List<JsonNode> data = streamed.data();
        JsonNode toolStart = data.stream()
                .filter(d -> d.get("type").asString().equals("content_block_start"))
                .filter(d -> d.at("/content_block/type").asString().equals("tool_use"))
                .findFirst()
                .orElseThrow();
        assertThat(toolStart.at("/content_block/name").asString()).isEqualTo("get_weather");
        assertThat(toolStart.at("/content_block/id").asString()).startsWith("toolu_");
        int index = toolStart.get("index").asInt();
        String input = data.stream()
                .filter(d -> d.get("type").asString().equals("content_block_delta"))
                .filter(d -> d.get("index").asInt() == index)
                .peek(d -> assertThat(d.at("/delta/type").asString()).isEqualTo("input_json_delta"))
                .map(d -> d.at("/delta/partial_json").asString())
                .collect(Collectors.joining());
        assertThat(SimHttp.JSON.readTree(input).get("city").asString()).isEqualTo("Lisbon");
        assertThat(data.get(data.size() - 2).at("/delta/stop_reason").asString())
                .isEqualTo("tool_use");
    }

    @Test
    void max_tokens_and_stop_sequences_end_the_answer_with_their_stop_reasons() {
        var cut = http.post(MESSAGES, message("Summarise the contract " + unique, "max_tokens", 3), ANTHROPIC_KEY);
        String full = http.post(MESSAGES, message("Summarise the contract " + unique), ANTHROPIC_KEY)
                .json()
                .at("/content/0/text")
                .asString();
        String stop = full.substring(full.indexOf('.') + 2, full.indexOf('.') + 7);
        var stopped = http.post(
                MESSAGES, message("Summarise the contract " + unique, "stop_sequences", List.of(stop)), ANTHROPIC_KEY);

        assertThat(cut.json().get("stop_reason").asString()).isEqualTo("max_tokens");
        assertThat(cut.json().at("/usage/output_tokens").asInt()).isEqualTo(3);
        assertThat(stopped.json().get("stop_reason").asString()).isEqualTo("stop_sequence");
        assertThat(stopped.json().get("stop_sequence").asString()).isEqualTo(stop);
    }

    @Test
    void refuses_missing_max_tokens_in_anthropics_error_shape() {
        var body = message("Hello " + unique);
        body.remove("max_tokens");

        var reply = http.post(MESSAGES, body, ANTHROPIC_KEY);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("error");
        assertThat(reply.json().at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(reply.json().at("/error/message").asString()).isEqualTo("max_tokens: Field required");
    }

    @Test
    void a_call_without_x_api_key_gets_401_in_anthropics_error_shape() {
        var reply = http.post(MESSAGES, message("Hello"), "anthropic-version", "2023-06-01");
        var bearerOnly = http.post(MESSAGES, message("Hello"), SimHttp.OPENAI_KEY);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("x-switchboard-simulated")).isEqualTo("true");
        assertThat(reply.json().get("type").asString()).isEqualTo("error");
        assertThat(reply.json().at("/error/type").asString()).isEqualTo("authentication_error");
        assertThat(reply.json().get("request_id").asString()).startsWith("req_");
        assertThat(bearerOnly.status()).isEqualTo(401);
    }

    @Test
    void explicit_cache_control_writes_then_reads_the_prompt_cache() {
        String document = ("Section " + unique + ": the parties agree to the terms below. ").repeat(40);
        var system = List.of(Map.of("type", "text", "text", document, "cache_control", Map.of("type", "ephemeral")));

        JsonNode first = http.post(MESSAGES, message("Summarise.", "system", system), ANTHROPIC_KEY)
                .json();
        JsonNode second = http.post(MESSAGES, message("Summarise.", "system", system), ANTHROPIC_KEY)
                .json();

        assertThat(first.at("/usage/cache_creation_input_tokens").asInt()).isPositive();
        assertThat(first.at("/usage/cache_read_input_tokens").asInt()).isZero();
        assertThat(second.at("/usage/cache_read_input_tokens").asInt()).isPositive();
        assertThat(second.at("/usage/input_tokens").asInt())
                .isLessThan(first.at("/usage/cache_creation_input_tokens").asInt());
    }

    @Test
    void lists_models_in_anthropics_shape() {
        var reply = http.get("/simulated/sim-claude/v1/models", ANTHROPIC_KEY);

        assertThat(reply.json().at("/data/0/type").asString()).isEqualTo("model");
        assertThat(reply.json().at("/data/0/id").asString()).isEqualTo("sim-claude-sonnet");
        assertThat(reply.json().get("has_more").asBoolean()).isFalse();
    }
}

package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimHttp.OPENAI_KEY;
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

/** The OpenAI-compatible simulated providers over real HTTP, in the OpenAI wire format. */
@IntegrationTest
@TestPropertySource(properties = "switchboard.simulator.zero-latency=true")
class SimulatedOpenAiIT {

    static final String CHAT = "/simulated/sim-mid/v1/chat/completions";

    static final Map<String, Object> WEATHER_TOOL = Map.of(
            "type",
            "function",
            "function",
            Map.of(
                    "name",
                    "get_weather",
                    "description",
                    "Get the current weather for a city",
                    "parameters",
                    Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of(
                                    "city",
                                    Map.of("type", "string"),
                                    "unit",
                                    Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
                            "required",
                            List.of("city", "unit"),
                            "additionalProperties",
                            false)));

    @LocalServerPort
    int port;

    SimHttp http;
    String unique;

    @BeforeEach
    void setUp() {
        http = new SimHttp(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> chat(String model, String user, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", List.of(Map.of("role", "user", "content", user)));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @Test
    void answers_a_chat_completion_with_usage_under_the_requested_model_marked_simulated() {
        var reply = http.post(CHAT, chat("gpt-4o-mini", "Summarise the budget review " + unique), OPENAI_KEY);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-simulated")).isEqualTo("true");
        JsonNode json = reply.json();
        assertThat(json.get("object").asString()).isEqualTo("chat.completion");
        assertThat(json.get("id").asString()).startsWith("chatcmpl-");
        assertThat(json.get("model").asString()).isEqualTo("gpt-4o-mini");
        JsonNode choice = json.get("choices").get(0);
        assertThat(choice.get("message").get("role").asString()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asString()).contains("Summarise the budget review");
        assertThat(choice.get("finish_reason").asString()).isEqualTo("stop");
        JsonNode usage = json.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isPositive();
        assertThat(usage.get("completion_tokens").asInt()).isPositive();
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt()
                        + usage.get("completion_tokens").asInt());
        assertThat(usage.get("prompt_tokens_details").get("cached_tokens").asInt())
                .isZero();
    }

    @Test
    void streams_chunks_then_a_usage_chunk_then_done_adding_up_to_the_plain_answer() {
        var request = chat("sim-mid-standard", "Plan the migration " + unique);
        String plain = http.post(CHAT, request, OPENAI_KEY)
                .json()
                .at("/choices/0/message/content")
                .asString();

        var streamRequest = new LinkedHashMap<>(request);
        streamRequest.put("stream", true);
        streamRequest.put("stream_options", Map.of("include_usage", true));
        var streamed = http.stream(CHAT, streamRequest, OPENAI_KEY);

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(streamed.headers().firstValue("x-switchboard-simulated")).contains("true");
        assertThat(streamed.failure()).isNull();
        assertThat(streamed.done()).isTrue();
        List<JsonNode> chunks = streamed.data();
        assertThat(chunks)
                .allSatisfy(c -> assertThat(c.get("object").asString()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks.getFirst().at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        String content = chunks.stream()
                .filter(c -> !c.get("choices").isEmpty())
                .map(c -> c.at("/choices/0/delta/content").asString(""))
                .collect(Collectors.joining());
        assertThat(content).isEqualTo(plain);
        JsonNode last = chunks.getLast();
        assertThat(last.get("choices")).isEmpty();
        assertThat(last.at("/usage/completion_tokens").asInt()).isEqualTo(chunks.size() - 3);
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asString())
                .isEqualTo("stop");
        assertThat(chunks.get(1).get("usage").isNull()).isTrue();
    }

    @Test
    void the_same_request_gets_the_same_text() {
        var request = chat("m", "Compare the suppliers " + unique, "seed", 11);

        String first = http.post(CHAT, request, OPENAI_KEY)
                .json()
                .at("/choices/0/message/content")
                .asString();
        String second = http.post(CHAT, request, OPENAI_KEY)
                .json()
                .at("/choices/0/message/content")
                .asString();
        String otherSeed = http.post(CHAT, chat("m", "Compare the suppliers " + unique, "seed", 12), OPENAI_KEY)
                .json()
                .at("/choices/0/message/content")
                .asString();

        assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
    }

    @Test
    void max_tokens_cuts_the_answer_with_finish_reason_length() {
        var reply = http.post(CHAT, chat("m", "Write a long report " + unique, "max_tokens", 4), OPENAI_KEY);

        assertThat(reply.json().at("/choices/0/finish_reason").asString()).isEqualTo("length");
        assertThat(reply.json().at("/usage/completion_tokens").asInt()).isEqualTo(4);
        assertThat(Tokens.count(reply.json().at("/choices/0/message/content").asString()))
                .isEqualTo(4);
    }

    @Test
    void a_stop_sequence_ends_the_answer_before_it_and_n_gives_that_many_choices() {
        String full = http.post(CHAT, chat("m", "Review the policy " + unique), OPENAI_KEY)
                .json()
                .at("/choices/0/message/content")
                .asString();
        String stop = full.substring(full.indexOf('.') + 2, full.indexOf('.') + 7);

        var cut = http.post(CHAT, chat("m", "Review the policy " + unique, "stop", List.of(stop)), OPENAI_KEY);
        var three = http.post(CHAT, chat("m", "Review the policy " + unique, "n", 3), OPENAI_KEY);

        assertThat(cut.json().at("/choices/0/message/content").asString())
                .isEqualTo(full.substring(0, full.indexOf(stop)));
        assertThat(cut.json().at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(three.json().get("choices")).hasSize(3);
        assertThat(three.json().at("/choices/2/index").asInt()).isEqualTo(2);
    }

    @Test
    void json_schema_output_parses_and_has_the_required_fields() {
        var format = Map.of(
                "type",
                "json_schema",
                "json_schema",
                Map.of("name", "weather", "strict", true, "schema", weatherParameters()));

        var reply = http.post(CHAT, chat("m", "Weather in Oslo " + unique, "response_format", format), OPENAI_KEY);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode value = SimHttp.JSON.readTree(
                reply.json().at("/choices/0/message/content").asString());
        assertThat(value.get("city").isString()).isTrue();
        assertThat(value.get("unit").asString()).isIn("celsius", "fahrenheit");
    }

    @SuppressWarnings("unchecked")
    private static Object weatherParameters() {
        return ((Map<String, Object>) WEATHER_TOOL.get("function")).get("parameters");
    }

    @Test
    void json_object_output_is_an_object_and_needs_the_word_json_in_the_messages() {
        var format = Map.of("type", "json_object");

        var reply =
                http.post(CHAT, chat("m", "Answer in JSON: risks " + unique, "response_format", format), OPENAI_KEY);
        var refused = http.post(CHAT, chat("m", "Answer: risks " + unique, "response_format", format), OPENAI_KEY);

        assertThat(SimHttp.JSON
                        .readTree(reply.json().at("/choices/0/message/content").asString())
                        .isObject())
                .isTrue();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/message").asString()).contains("must contain the word 'json'");
    }

    @Test
    void calls_an_offered_tool_the_user_asks_for_with_arguments_valid_for_its_schema() {
        var reply = http.post(
                CHAT, chat("m", "What is the weather in Paris? " + unique, "tools", List.of(WEATHER_TOOL)), OPENAI_KEY);

        JsonNode choice = reply.json().at("/choices/0");
        assertThat(choice.get("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(choice.at("/message/content").isNull()).isTrue();
        JsonNode call = choice.at("/message/tool_calls/0");
        assertThat(call.get("id").asString()).startsWith("call_");
        assertThat(call.get("type").asString()).isEqualTo("function");
        assertThat(call.at("/function/name").asString()).isEqualTo("get_weather");
        JsonNode arguments =
                SimHttp.JSON.readTree(call.at("/function/arguments").asString());
        assertThat(arguments.get("city").asString()).isEqualTo("Paris");
        assertThat(arguments.get("unit").asString()).isIn("celsius", "fahrenheit");
    }

    @Test
    void streams_a_tool_call_as_a_name_then_argument_fragments() {
        var request = chat(
                "m",
                "Tell me a joke " + unique,
                "tools",
                List.of(WEATHER_TOOL),
                "tool_choice",
                Map.of("type", "function", "function", Map.of("name", "get_weather")),
                "stream",
                true);

        var streamed = http.stream(CHAT, request, OPENAI_KEY);

        List<JsonNode> chunks = streamed.data();
        assertThat(chunks.getFirst()
                        .at("/choices/0/delta/tool_calls/0/function/name")
                        .asString())
                .isEqualTo("get_weather");
        String arguments = chunks.stream()
                .map(c ->
                        c.at("/choices/0/delta/tool_calls/0/function/arguments").asString(""))
                .collect(Collectors.joining());
        assertThat(SimHttp.JSON.readTree(arguments).has("city")).isTrue();
        assertThat(chunks.getLast().at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(streamed.done()).isTrue();
    }

    @Test
    void refuses_images_on_a_provider_without_vision_and_accepts_them_with_vision() {
        var content = List.of(
                Map.of("type", "text", "text", "What is in this picture? " + unique),
                Map.of("type", "image_url", "image_url", Map.of("url", "data:image/png;base64,iVBORw0KGgo=")));
        Map<String, Object> body =
                Map.of("model", "m", "messages", List.of(Map.of("role", "user", "content", content)));

        var refused = http.post("/simulated/sim-fast/v1/chat/completions", body, OPENAI_KEY);
        var accepted = http.post("/simulated/sim-smart/v1/chat/completions", body, OPENAI_KEY);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(refused.json().at("/error/message").asString()).contains("image_url is only supported");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().at("/choices/0/message/content").asString()).contains("I looked at the image");
        assertThat(accepted.json().at("/usage/prompt_tokens").asInt()).isGreaterThan(85);
    }

    @Test
    void refuses_tools_on_a_provider_without_tool_support() {
        var refused = http.post(
                "/simulated/sim-fast/v1/chat/completions",
                chat("m", "Weather in Rome?", "tools", List.of(WEATHER_TOOL)),
                OPENAI_KEY);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/param").asString()).isEqualTo("tools");
    }

    @Test
    void a_call_without_a_bearer_key_gets_401_in_the_openai_error_shape() {
        var reply = http.post(CHAT, chat("m", "Hello"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("x-switchboard-simulated")).isEqualTo("true");
        assertThat(reply.json().at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(reply.json().at("/error/code").asString()).isEqualTo("invalid_api_key");
        assertThat(reply.json().at("/error/message").asString()).contains("API key");
        assertThat(reply.json().get("error").has("param")).isTrue();
    }

    @Test
    void a_body_that_is_not_json_gets_400_and_an_unknown_provider_404() {
        var unreadable = http.postRaw(CHAT, "{not json", OPENAI_KEY);
        var unknown = http.post("/simulated/sim-nowhere/v1/chat/completions", chat("m", "Hi"), OPENAI_KEY);
        var wrongProtocol = http.post("/simulated/sim-mid/v1/messages", chat("m", "Hi"), OPENAI_KEY);

        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().at("/error/message").asString()).contains("could not parse the JSON body");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("x-switchboard-simulated")).isEqualTo("true");
        assertThat(wrongProtocol.status()).isEqualTo(404);
        assertThat(wrongProtocol.json().at("/error/message").asString())
                .isEqualTo("Invalid URL (POST /simulated/sim-mid/v1/messages)");
    }

    @Test
    void a_repeated_long_prompt_reports_cached_tokens() {
        String longPrompt = ("Clause " + unique + ": the supplier shall deliver on time and in full. ").repeat(40);

        var first = http.post(CHAT, chat("m", longPrompt), OPENAI_KEY).json();
        var second = http.post(CHAT, chat("m", longPrompt + " And the penalties?"), OPENAI_KEY)
                .json();

        assertThat(first.at("/usage/prompt_tokens_details/cached_tokens").asInt())
                .isZero();
        int cached = second.at("/usage/prompt_tokens_details/cached_tokens").asInt();
        assertThat(cached)
                .isPositive()
                .isLessThan(second.at("/usage/prompt_tokens").asInt());
    }
}

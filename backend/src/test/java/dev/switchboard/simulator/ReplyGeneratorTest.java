package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.simulator.ChatRequest.Format;
import dev.switchboard.simulator.ChatRequest.Role;
import dev.switchboard.simulator.ChatRequest.Tool;
import dev.switchboard.simulator.ChatRequest.ToolChoice;
import dev.switchboard.simulator.ChatRequest.Turn;
import dev.switchboard.simulator.Completion.Finish;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReplyGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode WEATHER_PARAMETERS = JSON.readTree("""
            {"type": "object", "properties": {"city": {"type": "string"},
             "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}, "required": ["city", "unit"]}""");
    private static final Tool WEATHER = new Tool("get_weather", "Current weather for a city", WEATHER_PARAMETERS);
    private static final Tool INVOICES =
            new Tool("search_invoices", "Search supplier invoices by number", JSON.readTree("{\"type\": \"object\"}"));

    private final ReplyGenerator generator = new ReplyGenerator(
            new PromptCache(), JSON, new SimulatorProperties(null, true, 7, Duration.ofSeconds(120), 384, null));

    private static ChatRequest chat(List<Turn> turns, List<Tool> tools, Format format, Integer max, List<String> stop) {
        return new ChatRequest(
                SimulatedProtocol.OPENAI,
                "sim-model",
                turns,
                tools,
                tools.isEmpty() ? new ToolChoice.None() : new ToolChoice.Auto(),
                format,
                max == null ? OptionalInt.empty() : OptionalInt.of(max),
                stop,
                1,
                0,
                false);
    }

    private static ChatRequest ask(String question) {
        return chat(List.of(new Turn(Role.USER, question, 0)), List.of(), new Format.Text(), null, List.of());
    }

    @Test
    void the_same_request_gets_the_same_text_and_another_request_another() {
        String first = generator
                .complete("p", ask("Summarise the Q3 budget"))
                .choices()
                .getFirst()
                .text();
        String again = generator
                .complete("p", ask("Summarise the Q3 budget"))
                .choices()
                .getFirst()
                .text();
        String other = generator
                .complete("p", ask("Summarise the Q4 budget"))
                .choices()
                .getFirst()
                .text();

        assertThat(first).isEqualTo(again).isNotEqualTo(other).contains("Summarise the Q3 budget");
    }

    @Test
    void max_tokens_cuts_the_reply_at_exactly_that_many_tokens() {
        var completion = generator.complete(
                "p",
                chat(
                        List.of(new Turn(Role.USER, "Write a long report", 0)),
                        List.of(),
                        new Format.Text(),
                        5,
                        List.of()));

        var choice = completion.choices().getFirst();
        assertThat(choice.finish()).isEqualTo(Finish.LENGTH);
        assertThat(choice.pieces()).hasSize(5);
        assertThat(completion.usage().completionTokens()).isEqualTo(5);
    }

    @Test
    void a_stop_sequence_ends_the_reply_before_it() {
        String full = generator
                .complete("p", ask("Plan the release"))
                .choices()
                .getFirst()
                .text();
        String stop = full.substring(full.indexOf('.') + 1, full.indexOf('.') + 6);

        var choice = generator
                .complete(
                        "p",
                        chat(
                                List.of(new Turn(Role.USER, "Plan the release", 0)),
                                List.of(),
                                new Format.Text(),
                                null,
                                List.of(stop)))
                .choices()
                .getFirst();

        assertThat(choice.finish()).isEqualTo(Finish.STOP_SEQUENCE);
        assertThat(choice.stopSequence()).isEqualTo(stop);
        assertThat(choice.text())
                .isEqualTo(full.substring(0, full.indexOf(stop)))
                .doesNotContain(stop);
    }

    @Test
    void json_schema_output_parses_and_has_the_required_properties() {
        var format = new Format.JsonSchema(WEATHER_PARAMETERS);

        String text = generator
                .complete(
                        "p",
                        chat(List.of(new Turn(Role.USER, "Weather in Oslo", 0)), List.of(), format, null, List.of()))
                .choices()
                .getFirst()
                .text();

        JsonNode value = JSON.readTree(text);
        assertThat(value.has("city")).isTrue();
        assertThat(value.get("unit").asString()).isIn("celsius", "fahrenheit");
    }

    @Test
    void calls_the_tool_the_user_asks_for_with_arguments_from_the_question() {
        var choice = generator
                .complete(
                        "p",
                        chat(
                                List.of(new Turn(Role.USER, "What is the weather like in Paris?", 0)),
                                List.of(INVOICES, WEATHER),
                                new Format.Text(),
                                null,
                                List.of()))
                .choices()
                .getFirst();

        assertThat(choice.finish()).isEqualTo(Finish.TOOL_CALL);
        assertThat(choice.toolCall()).hasValueSatisfying(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            JsonNode arguments = JSON.readTree(call.arguments());
            assertThat(arguments.get("city").asString()).isEqualTo("Paris");
        });
    }

    @Test
    void answers_in_text_when_no_tool_fits_or_the_tool_result_is_back() {
        var unrelated = chat(
                List.of(new Turn(Role.USER, "Tell me a joke", 0)),
                List.of(WEATHER),
                new Format.Text(),
                null,
                List.of());
        var afterResult = chat(
                List.of(
                        new Turn(Role.USER, "What is the weather in Paris?", 0),
                        new Turn(Role.ASSISTANT, "[called get_weather {}]", 0),
                        new Turn(Role.TOOL, "sunny, 21 degrees", 0)),
                List.of(WEATHER),
                new Format.Text(),
                null,
                List.of());

        assertThat(generator.complete("p", unrelated).choices().getFirst().toolCall())
                .isEmpty();
        var answer = generator.complete("p", afterResult).choices().getFirst();
        assertThat(answer.toolCall()).isEmpty();
        assertThat(answer.text()).startsWith("Based on the tool result (sunny 21 degrees)");
    }

    @Test
    void a_repeated_long_prompt_reports_cached_tokens_only_for_the_same_provider() {
        String longQuestion = "Please review this contract clause by clause. ".repeat(60);

        var first = generator.complete("p1", ask(longQuestion)).usage();
        var second = generator.complete("p1", ask(longQuestion)).usage();
        var elsewhere = generator.complete("p2", ask(longQuestion)).usage();

        assertThat(first.cachedTokens()).isZero();
        assertThat(second.cachedTokens()).isPositive().isLessThanOrEqualTo(second.promptTokens());
        assertThat(elsewhere.cachedTokens()).isZero();
    }

    @Test
    void n_choices_differ_and_all_count_as_completion_tokens() {
        var request = new ChatRequest(
                SimulatedProtocol.OPENAI,
                "m",
                List.of(new Turn(Role.USER, "Name a risk", 0)),
                List.of(),
                new ToolChoice.None(),
                new Format.Text(),
                OptionalInt.empty(),
                List.of(),
                3,
                0,
                false);

        var completion = generator.complete("p", request);

        assertThat(completion.choices()).hasSize(3);
        assertThat(completion.choices().get(0).text())
                .isNotEqualTo(completion.choices().get(1).text());
        assertThat(completion.usage().completionTokens())
                .isEqualTo(completion.choices().stream()
                        .mapToInt(c -> c.pieces().size())
                        .sum());
    }
}

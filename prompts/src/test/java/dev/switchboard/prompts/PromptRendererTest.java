package dev.switchboard.prompts;

import static dev.switchboard.prompts.Templates.text;
import static dev.switchboard.prompts.Templates.userText;
import static dev.switchboard.prompts.Templates.values;
import static dev.switchboard.prompts.Templates.withUserMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptRendererTest {

    final PromptRenderer renderer = new PromptRenderer();

    @Test
    void renders_variables_into_the_messages() {
        PromptTemplate template =
                withUserMessage("Describe {{ product }} for {{ audience }}.", text("product"), text("audience"));

        RenderedPrompt rendered =
                renderer.render(template, values("product", "\"a steel bottle\"", "audience", "\"hikers\""));

        assertThat(userText(rendered)).isEqualTo("Describe a steel bottle for hikers.");
        assertThat(rendered.messages().getFirst().content()).isEqualTo("You are precise.");
    }

    @Test
    void conditionals_and_loops_render_like_jinja() {
        PromptTemplate template = withUserMessage(
                """
                Features:
                {% for f in features %}
                {{ loop.index }}. {{ f | upper }}
                {% endfor %}
                {% if words > 100 %}Write at length.{% elif words > 20 %}Write briefly.{% else %}One line.{% endif %}""",
                Variable.required("features", VariableType.LIST, ""),
                Variable.required("words", VariableType.NUMBER, ""));

        RenderedPrompt rendered =
                renderer.render(template, values("features", "[\"light\",\"cold for 24 h\"]", "words", "50"));

        assertThat(userText(rendered)).isEqualTo("Features:\n1. LIGHT\n2. COLD FOR 24 H\nWrite briefly.");
    }

    @Test
    void defaults_fill_in_missing_values_and_optional_variables_stay_undefined() {
        PromptTemplate template = withUserMessage(
                "Tone: {{ tone }}.{% if extra %} Also: {{ extra }}.{% endif %}",
                new Variable(
                        "tone",
                        VariableType.ENUM,
                        null,
                        Templates.json("\"friendly\""),
                        List.of("friendly", "formal"),
                        ""),
                new Variable("extra", VariableType.TEXT, false, null, null, ""));

        RenderedPrompt rendered = renderer.render(template, Map.of());

        assertThat(userText(rendered)).isEqualTo("Tone: friendly.");
        assertThat(rendered.values()).containsOnlyKeys("tone");
    }

    @Test
    void a_json_variable_is_navigable_and_text_is_parsed() {
        PromptTemplate template = withUserMessage(
                "Customer {{ order.customer.name }} ordered {{ order['items'] | length }} items.",
                Variable.required("order", VariableType.JSON, ""));

        RenderedPrompt rendered = renderer.render(
                template,
                values("order", "\"{\\\"customer\\\":{\\\"name\\\":\\\"Li Wei\\\"},\\\"items\\\":[1,2,3]}\""));

        assertThat(userText(rendered)).isEqualTo("Customer Li Wei ordered 3 items.");
    }

    @Test
    void a_missing_required_variable_names_the_variable_and_where_it_is_used() {
        PromptTemplate template = withUserMessage("Hello.\nWrite about {{ topic }}.", text("topic"));

        PromptException e = catchThrowableOfType(PromptException.class, () -> renderer.render(template, Map.of()));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PromptProblem.Kind.MISSING_VARIABLE);
            assertThat(p.variable()).isEqualTo("topic");
            assertThat(p.messageIndex()).isEqualTo(1);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(16);
        });
        assertThat(e.getMessage()).isEqualTo("messages[1] line 2 column 16: 'topic' is required");
    }

    @Test
    void a_value_for_an_undeclared_variable_is_refused() {
        PromptTemplate template = withUserMessage("Write about {{ topic }}.", text("topic"));

        PromptException e = catchThrowableOfType(
                PromptException.class, () -> renderer.render(template, values("topic", "\"tea\"", "topik", "\"tea\"")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PromptProblem.Kind.UNKNOWN_VARIABLE);
            assertThat(p.variable()).isEqualTo("topik");
            assertThat(p.path()).isEqualTo("values.topik");
        });
    }

    @Test
    void a_template_using_an_undeclared_variable_fails_even_in_a_branch_not_taken() {
        PromptTemplate template =
                withUserMessage("Write about {{ topic }}.\n{% if false %}{{ tpoic }}{% endif %}", text("topic"));

        PromptException e = catchThrowableOfType(
                PromptException.class, () -> renderer.render(template, values("topic", "\"tea\"")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PromptProblem.Kind.UNKNOWN_VARIABLE);
            assertThat(p.variable()).isEqualTo("tpoic");
            assertThat(p.messageIndex()).isEqualTo(1);
            assertThat(p.line()).isEqualTo(2);
        });
    }

    @Test
    void mistyped_values_say_what_was_expected() {
        PromptTemplate template = withUserMessage(
                "{{ n }} {{ tone }} {% for x in xs %}{{ x }}{% endfor %}",
                Variable.required("n", VariableType.NUMBER, ""),
                new Variable("tone", VariableType.ENUM, true, null, List.of("warm", "cool"), ""),
                Variable.required("xs", VariableType.LIST, ""));

        PromptException e = catchThrowableOfType(
                PromptException.class,
                () -> renderer.render(template, values("n", "\"ten\"", "tone", "\"hot\"", "xs", "\"a\"")));

        assertThat(e.problems())
                .extracting(PromptProblem::kind, PromptProblem::variable)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PromptProblem.Kind.MISTYPED_VARIABLE, "n"),
                        org.assertj.core.groups.Tuple.tuple(PromptProblem.Kind.MISTYPED_VARIABLE, "tone"),
                        org.assertj.core.groups.Tuple.tuple(PromptProblem.Kind.MISTYPED_VARIABLE, "xs"));
        assertThat(e.problems().get(0).message()).contains("expected a number, got text \"ten\"");
        assertThat(e.problems().get(1).message()).contains("[warm, cool]");
        assertThat(e.problems().get(0).column()).isEqualTo(4);
    }

    @Test
    void numbers_typed_as_text_are_accepted() {
        PromptTemplate template = withUserMessage("{{ n + 1 }}", Variable.required("n", VariableType.NUMBER, ""));

        assertThat(userText(renderer.render(template, values("n", "\"41\"")))).isEqualTo("42");
    }

    @Test
    void a_syntax_error_names_the_message_and_line() {
        PromptTemplate template = withUserMessage("Line one\n{% if topic %}no end", text("topic"));

        List<PromptProblem> problems = renderer.check(template);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PromptProblem.Kind.SYNTAX);
            assertThat(p.messageIndex()).isEqualTo(1);
        });
    }

    @Test
    void check_reports_definition_problems_all_at_once() {
        PromptTemplate template = new PromptTemplate(
                "Bad Key",
                "",
                null,
                null,
                new ModelSettings("auto", 3.0, 0, null),
                List.of(
                        text("a"),
                        text("a"),
                        new Variable("for", VariableType.TEXT, null, null, null, ""),
                        new Variable("mood", VariableType.ENUM, null, Templates.json("\"sad\""), List.of("happy"), "")),
                List.of(PromptMessage.system("Hi {{ a }}")));

        assertThat(renderer.check(template))
                .extracting(PromptProblem::path)
                .contains(
                        "key",
                        "name",
                        "messages",
                        "variables[1].name",
                        "variables[3].default",
                        "model.temperature",
                        "model.maxTokens");
    }

    @Test
    void a_sound_template_checks_clean_and_the_chat_request_carries_the_settings() {
        PromptTemplate template = new PromptTemplate(
                "t",
                "T",
                null,
                null,
                new ModelSettings("tier:economy", 0.2, 300, new ResponseFormat.JsonObject()),
                List.of(text("q")),
                List.of(PromptMessage.user("{{ q }}")));

        assertThat(renderer.check(template)).isEmpty();
        var request = renderer.render(template, values("q", "\"hi\"")).chatRequest("sim-chat");
        assertThat(request.toString())
                .isEqualTo("{\"model\":\"sim-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"temperature\":0.2,\"max_tokens\":300,\"response_format\":{\"type\":\"json_object\"}}");
    }
}

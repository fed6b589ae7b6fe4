package dev.switchboard.prompts;

import static dev.switchboard.prompts.Templates.text;
import static dev.switchboard.prompts.Templates.values;
import static dev.switchboard.prompts.Templates.withUserMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates are written by users: nothing in one may reach Java, the JVM, files, or run forever. */
class SandboxTest {

    final PromptRenderer renderer = new PromptRenderer();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ ''.getClass() }}",
                "{{ name.getClass().forName('java.lang.Runtime') }}",
                "{{ name.class }}",
                "{{ name.class.name }}",
                "{{ items.getClass().getClassLoader() }}",
                "{% set c = name.getClass() %}{{ c }}",
                "{{ ____int3rpr3t3r____.context }}",
                "{{ ____int3rpr3t3r____.config.objectMapper }}",
                "{{ (name | list).getClass() }}",
                "{{ filter:upper.getClass() }}"
            })
    void a_template_cannot_reach_java_classes_or_the_interpreter(String expression) {
        PromptTemplate template =
                withUserMessage("Hello " + expression, text("name"), Variable.required("items", VariableType.LIST, ""));

        PromptException e = catchThrowableOfType(
                PromptException.class, () -> renderer.render(template, values("name", "\"x\"", "items", "[1]")));

        assertThat(e).as(expression).isNotNull();
        // names like ____int3rpr3t3r____ are already refused as undeclared before anything runs
        assertThat(e.problems())
                .as(expression)
                .extracting(PromptProblem::kind)
                .containsAnyOf(PromptProblem.Kind.SANDBOX, PromptProblem.Kind.UNKNOWN_VARIABLE);
        assertThat(e.getMessage()).doesNotContain("java.lang.Class").doesNotContain("class java");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ ____int3rpr3t3r____.context }}",
                "{{ ____int3rpr3t3r____.config.objectMapper }}",
                "{{ ('a' | upper).getClass() }}",
                "{{ ''.getClass() }}",
                "{{ [1].getClass() }}",
                "{{ {'a': 1}.getClass().getClassLoader() }}",
                "{{ loop }}{% for i in [1] %}{{ loop.getClass() }}{% endfor %}"
            })
    void the_sandbox_itself_refuses_reflection_and_the_interpreter_even_past_the_static_scan(String source) {
        JinjaSandbox.Result result = new JinjaSandbox().render(source, java.util.Map.of(), java.util.Set.of(), 0);

        assertThat(result.ok()).as(source).isFalse();
        assertThat(result.problems()).as(source).extracting(PromptProblem::kind).contains(PromptProblem.Kind.SANDBOX);
    }

    @Test
    void a_template_cannot_include_files() {
        PromptTemplate template = withUserMessage("{% include 'application.yml' %}{{ name }}", text("name"));

        PromptException e =
                catchThrowableOfType(PromptException.class, () -> renderer.render(template, values("name", "\"x\"")));

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(PromptProblem::kind).contains(PromptProblem.Kind.SANDBOX);
    }

    @Test
    void a_runaway_nested_loop_is_stopped_by_the_work_budget() {
        PromptTemplate template = withUserMessage(
                "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}{% endfor %}{% endfor %}{% endfor %}{{ name }}",
                text("name"));

        PromptException e =
                catchThrowableOfType(PromptException.class, () -> renderer.render(template, values("name", "\"x\"")));

        assertThat(e.problems()).extracting(PromptProblem::kind).contains(PromptProblem.Kind.LIMIT);
    }

    @Test
    void output_past_the_size_limit_is_refused() {
        PromptTemplate template = withUserMessage("{% for i in range(1000) %}{{ name }}{% endfor %}", text("name"));
        String longText = "\"" + "x".repeat(500) + "\"";

        PromptException e =
                catchThrowableOfType(PromptException.class, () -> renderer.render(template, values("name", longText)));

        assertThat(e.problems()).extracting(PromptProblem::kind).contains(PromptProblem.Kind.LIMIT);
    }

    @Test
    void range_is_capped() {
        PromptTemplate template = withUserMessage("{{ range(100000) | length }}{{ name }}", text("name"));

        assertThat(Templates.userText(renderer.render(template, values("name", "\"\""))))
                .isEqualTo("1000");
    }

    @Test
    void a_macro_cannot_recurse_forever() {
        PromptTemplate template =
                withUserMessage("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}{{ name }}", text("name"));

        // macro recursion is off: Jinjava refuses the inner call and renders it as nothing
        assertThat(Templates.userText(renderer.render(template, values("name", "\"x\""))))
                .isEqualTo("x");
    }
}

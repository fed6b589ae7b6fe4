package dev.switchboard.workflow.expr;

import static dev.switchboard.workflow.expr.Fixtures.SCOPE;
import static dev.switchboard.workflow.expr.Fixtures.TYPES;
import static dev.switchboard.workflow.expr.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void a_lone_reference_keeps_its_type() {
        assertThat(Template.parse("{{inputs.nested}}").render(SCOPE))
                .isEqualTo(value("{\"key with space\": 7, \"list\": [10, 20, 30]}"));
        assertThat(Template.parse("{{ inputs.priority }}").render(SCOPE)).isEqualTo(value("3"));
        assertThat(Template.parse("{{inputs.tags}}").render(SCOPE)).isEqualTo(value("[\"urgent\", \"billing\"]"));
        assertThat(Template.parse("{{inputs.priority > 2}}").render(SCOPE)).isEqualTo(value("true"));
        assertThat(Template.parse("{{inputs.missing}}").render(SCOPE)).isEqualTo(value("null"));
    }

    @Test
    void anything_around_a_reference_makes_text() {
        assertThat(Template.parse("Brief: {{inputs.brief}} (priority {{inputs.priority}})")
                        .render(SCOPE))
                .isEqualTo(value("\"Brief: Launch the Q3 campaign (priority 3)\""));
        assertThat(Template.parse(" {{inputs.priority}}").render(SCOPE)).isEqualTo(value("\" 3\""));
        assertThat(Template.parse("{{inputs.priority}}{{inputs.priority}}").render(SCOPE))
                .isEqualTo(value("\"33\""));
        assertThat(Template.parse("{{inputs.nested}}!").render(SCOPE))
                .isEqualTo(value("\"{\\\"key with space\\\":7,\\\"list\\\":[10,20,30]}!\""));
        assertThat(Template.parse("[{{inputs.missing}}]").render(SCOPE)).isEqualTo(value("\"[]\""));
        assertThat(Template.parse("{{inputs.price * 3}} EUR").render(SCOPE)).isEqualTo(value("\"0.3 EUR\""));
    }

    @Test
    void text_without_expressions_renders_to_itself() {
        Template plain = Template.parse("no braces } here {");
        assertThat(plain.isConstant()).isTrue();
        assertThat(plain.render(SCOPE)).isEqualTo(value("\"no braces } here {\""));
        assertThat(Template.parse("").render(SCOPE)).isEqualTo(value("\"\""));
    }

    @Test
    void backslash_escapes_a_literal_opening() {
        Template template = Template.parse("use \\{{inputs.name}} to write {{inputs.name}}");
        assertThat(template.render(SCOPE)).isEqualTo(value("\"use {{inputs.name}} to write Ada\""));
        assertThat(template.references()).containsExactly(Path.of("inputs", "name"));
    }

    @Test
    void closing_braces_inside_a_string_literal_do_not_close() {
        assertThat(Template.parse("{{ inputs.name + '}}' }}").render(SCOPE)).isEqualTo(value("\"Ada}}\""));
    }

    @Test
    void unclosed_or_empty_or_broken_parts_fail_with_the_column_in_the_template() {
        assertThatThrownBy(() -> Template.parse("Hello {{inputs.name"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("unclosed '{{' at column 6");
        assertThatThrownBy(() -> Template.parse("Hi {{ }}")).hasMessage("empty '{{ }}' at column 3");
        assertThatThrownBy(() -> Template.parse("Hi {{inputs.name +}}"))
                .hasMessage("unexpected end of expression at column 18");
        assertThatThrownBy(() -> Template.parse("Hi {{x}}"))
                .extracting(e -> ((ExpressionException) e).column())
                .isEqualTo(5);
    }

    @Test
    void run_time_errors_carry_the_column_in_the_template() {
        Template template = Template.parse("Total: {{inputs.name * 2}}");
        assertThatThrownBy(() -> template.render(SCOPE))
                .hasMessage("cannot apply '*' to a STRING and a NUMBER at column 21");
    }

    @Test
    void references_of_all_parts_in_order() {
        Template template = Template.parse(
                "{{steps.summarize.output.text}} for {{inputs.brief}}; again {{steps.summarize.output.text}} {{item.sku}}");
        assertThat(template.references())
                .containsExactly(
                        Path.of("steps", "summarize", "output", "text"),
                        Path.of("inputs", "brief"),
                        Path.of("item", "sku"));
    }

    @Test
    void static_type_is_the_lone_expressions_or_string() {
        assertThat(Template.parse("{{inputs.priority}}").typeOf(TYPES)).isEqualTo(ValueType.NUMBER);
        assertThat(Template.parse("n={{inputs.priority}}").typeOf(TYPES)).isEqualTo(ValueType.STRING);
        assertThatThrownBy(() -> Template.parse("n={{inputs.nope}}").typeOf(TYPES))
                .hasMessage("unknown reference 'inputs.nope' at column 4");
    }

    @Test
    void rendered_text_is_bounded_by_the_work_limit() {
        String items = "[" + "item.sku, ".repeat(49) + "item.sku]";
        String big = "{{join(" + items + ", join(" + items + ", inputs.brief))}}"; // about 60,000 characters
        Template template = Template.parse(big.repeat(20));
        assertThatThrownBy(() -> template.render(SCOPE)).hasMessageStartingWith("expression needs too much work");
    }
}

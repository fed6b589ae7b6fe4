package dev.switchboard.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.prompts.VariableType;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class FormValuesTest {

    private static JsonNode value(VariableType type, String typed, List<String> options) {
        VariableType.Accepted accepted = FormValues.parse(type, typed, options);
        assertThat(accepted).isInstanceOf(VariableType.Accepted.Value.class);
        return ((VariableType.Accepted.Value) accepted).value();
    }

    @Test
    void blank_input_is_no_value_so_the_default_applies() {
        assertThat(value(VariableType.NUMBER, "  ", List.of())).isNull();
        assertThat(value(VariableType.TEXT, "", List.of())).isNull();
    }

    @Test
    void numbers_and_enums_are_read_by_their_type() {
        assertThat(value(VariableType.NUMBER, " 42 ", List.of()).asInt()).isEqualTo(42);
        assertThat(value(VariableType.ENUM, "warm", List.of("warm", "formal")).asString())
                .isEqualTo("warm");
        assertThat(FormValues.parse(VariableType.NUMBER, "ten", List.of()))
                .isInstanceOfSatisfying(
                        VariableType.Accepted.Mistyped.class,
                        m -> assertThat(m.reason()).contains("expected a number"));
        assertThat(FormValues.parse(VariableType.ENUM, "cold", List.of("warm")))
                .isInstanceOf(VariableType.Accepted.Mistyped.class);
    }

    @Test
    void a_list_is_a_json_array_or_one_item_a_line() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        assertThat(value(VariableType.LIST, "[\"a\", 2]", List.of()))
                .isEqualTo(nodes.arrayNode().add("a").add(2));
        assertThat(value(VariableType.LIST, "first\n\n  second  \n", List.of()))
                .isEqualTo(nodes.arrayNode().add("first").add("second"));
    }

    @Test
    void json_that_does_not_parse_is_refused_with_the_reason() {
        assertThat(value(VariableType.JSON, "{\"a\": 1}", List.of()).path("a").asInt())
                .isEqualTo(1);
        assertThat(FormValues.parse(VariableType.JSON, "{a:", List.of()))
                .isInstanceOfSatisfying(
                        VariableType.Accepted.Mistyped.class,
                        m -> assertThat(m.reason()).contains("does not parse as JSON"));
    }

    @Test
    void text_keeps_its_spaces_and_values_read_back_as_typed() {
        assertThat(value(VariableType.TEXT, " two  words ", List.of()).asString())
                .isEqualTo(" two  words ");
        assertThat(FormValues.text(JsonNodeFactory.instance.stringNode("hi"))).isEqualTo("hi");
        assertThat(FormValues.text(JsonNodeFactory.instance.arrayNode().add("a")))
                .isEqualTo("[\"a\"]");
        assertThat(FormValues.text(null)).isEmpty();
        assertThat(FormValues.words(" a, ,b ,")).containsExactly("a", "b");
    }

    @Test
    void a_new_key_is_suggested_from_its_name() {
        assertThat(FormValues.slug("Ad copy (EN) — v2!")).isEqualTo("ad-copy-en-v2");
        assertThat(FormValues.slug("")).isEmpty();
    }
}

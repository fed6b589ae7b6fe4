package dev.switchboard.workflow.expr;

import static dev.switchboard.workflow.expr.Fixtures.SCOPE;
import static dev.switchboard.workflow.expr.Fixtures.eval;
import static dev.switchboard.workflow.expr.Fixtures.json;
import static dev.switchboard.workflow.expr.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DoubleNode;

class ExpressionEvaluationTest {

    @Test
    void decimal_arithmetic_is_exact() {
        assertThat(eval("0.1 + 0.2 == 0.3").booleanValue()).isTrue();
        assertThat(eval("0.1 + 0.2")).isEqualTo(value("0.3"));
        assertThat(Fixtures.INPUTS.get("price").isDouble()).isTrue();
        assertThat(eval("inputs.price * 3 == 0.3").booleanValue()).isTrue();
        assertThat(eval("1.10 + 2.20").toString()).isEqualTo("3.3");
        assertThat(eval("1 == 1.0").booleanValue()).isTrue();
        assertThat(eval("6 / 3").isIntegralNumber()).isTrue();
        assertThat(eval("1 / 3").decimalValue().toPlainString()).isEqualTo("0.3333333333333333333333333333333333");
        assertThat(eval("7 % 3")).isEqualTo(value("1"));
        assertThat(eval("-7 % 3")).isEqualTo(value("-1"));
        assertThat(eval("99999999999999999999 + 1").toString()).isEqualTo("100000000000000000000");
        // equal as doubles, different as decimals: equality and order must not go through double
        assertThat(eval("12345678901234567890.1 == 12345678901234567890.2").booleanValue())
                .isFalse();
        assertThat(eval("9007199254740993 > 9007199254740992").booleanValue()).isTrue();
    }

    @Test
    void division_by_zero_is_an_error_with_the_operator_column() {
        assertThatThrownBy(() -> eval("inputs.priority / (inputs.priority - 3)"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("division by zero at column 16");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "'b' > 'a' => true",
                "'abc' < 'abd' => true",
                "'B' < 'a' => true",
                "10 > 9 => true",
                "'10' == 10 => false",
                "'10' != 10 => true",
                "inputs.priority >= 3 => true",
                "inputs.priority <= 2.99 => false",
                "steps.classify.output.label == 'billing' && inputs.priority >= 3 => true",
                "[1, 'a', [true]] == [1.0, 'a', [true]] => true",
            })
    void comparisons(String expression, boolean expected) {
        assertThat(eval(expression).booleanValue()).isEqualTo(expected);
    }

    @Test
    void ordering_across_types_is_an_error() {
        assertThatThrownBy(() -> eval("'a' < 1"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("cannot compare a STRING with a NUMBER using '<' at column 4");
        assertThatThrownBy(() -> eval("true > false"))
                .hasMessageStartingWith("cannot compare a BOOLEAN with a BOOLEAN");
        assertThatThrownBy(() -> eval("inputs.name - 1"))
                .hasMessage("cannot apply '-' to a STRING and a NUMBER at column 12");
        assertThatThrownBy(() -> eval("-inputs.name")).hasMessage("cannot apply '-' to a STRING at column 0");
    }

    @Test
    void in_looks_in_lists_strings_and_object_keys() {
        assertThat(eval("'billing' in inputs.tags").booleanValue()).isTrue();
        assertThat(eval("'sales' in inputs.tags").booleanValue()).isFalse();
        assertThat(eval("2 in [1, 2.0, 3]").booleanValue()).isTrue();
        assertThat(eval("'Q3' in inputs.brief").booleanValue()).isTrue();
        assertThat(eval("'q3' in inputs.brief").booleanValue()).isFalse();
        assertThat(eval("'list' in inputs.nested").booleanValue()).isTrue();
        assertThat(eval("'x' in inputs.missing").booleanValue()).isFalse();
        assertThatThrownBy(() -> eval("1 in 'abc'"))
                .hasMessageStartingWith("'in' looks for a STRING in a STRING, not for a NUMBER");
        assertThatThrownBy(() -> eval("1 in 5"))
                .hasMessageStartingWith("'in' needs a LIST, STRING or OBJECT to look in");
    }

    @Test
    void missing_paths_are_null_and_compare_false_except_equality_with_null() {
        assertThat(eval("inputs.missing")).isEqualTo(value("null"));
        assertThat(eval("inputs.missing.deeper[3].still")).isEqualTo(value("null"));
        assertThat(eval("inputs.missing == null").booleanValue()).isTrue();
        assertThat(eval("inputs.nothing == null").booleanValue()).isTrue();
        assertThat(eval("inputs.missing != null").booleanValue()).isFalse();
        assertThat(eval("inputs.missing == 0").booleanValue()).isFalse();
        assertThat(eval("inputs.missing != 0").booleanValue()).isTrue();
        assertThat(eval("inputs.missing > 0").booleanValue()).isFalse();
        assertThat(eval("inputs.missing <= 0").booleanValue()).isFalse();
        assertThat(eval("null < null").booleanValue()).isFalse();
        assertThat(eval("run.anything").isNull()).isTrue(); // root not bound in the scope
        assertThat(eval("[inputs.missing]")).isEqualTo(value("[null]"));
    }

    @Test
    void arithmetic_on_missing_is_an_error() {
        assertThatThrownBy(() -> eval("inputs.missing + 1"))
                .hasMessage("cannot apply '+' to null and a NUMBER at column 15");
    }

    @Test
    void indexes_count_from_either_end_and_out_of_range_is_missing() {
        assertThat(eval("inputs.nested.list[0]")).isEqualTo(value("10"));
        assertThat(eval("inputs.nested.list[-1]")).isEqualTo(value("30"));
        assertThat(eval("inputs.nested.list[-3]")).isEqualTo(value("10"));
        assertThat(eval("inputs.nested.list[3]").isNull()).isTrue();
        assertThat(eval("inputs.nested.list[-4]").isNull()).isTrue();
        assertThat(eval("inputs.nested.list[vars.i]")).isEqualTo(value("20"));
        assertThat(eval("inputs.nested[vars.key][index - 2]")).isEqualTo(value("30"));
        assertThat(eval("inputs.nested[\"key with space\"]")).isEqualTo(value("7"));
        assertThat(eval("['a', 'b'][1]")).isEqualTo(value("\"b\""));
    }

    @Test
    void reading_inside_a_scalar_is_an_error() {
        assertThatThrownBy(() -> eval("inputs.name.first"))
                .hasMessage("cannot read field 'first' of a STRING at column 11");
        assertThatThrownBy(() -> eval("inputs.name[0]")).hasMessage("cannot index a STRING by number at column 11");
        assertThatThrownBy(() -> eval("inputs.tags[true]"))
                .hasMessage("an index must be a whole number or a string, not true at column 12");
        assertThatThrownBy(() -> eval("inputs.tags[inputs.nested]"))
                .hasMessage("an index must be a whole number or a string, not an OBJECT at column 12");
    }

    @Test
    void truthiness() {
        assertThat(Expression.truthy(json("null"))).isFalse();
        assertThat(Expression.truthy(json("0"))).isFalse();
        assertThat(Expression.truthy(json("0.0"))).isFalse();
        assertThat(Expression.truthy(json("\"\""))).isFalse();
        assertThat(Expression.truthy(json("[]"))).isFalse();
        assertThat(Expression.truthy(json("{}"))).isFalse();
        assertThat(Expression.truthy(json("false"))).isFalse();
        assertThat(Expression.truthy(json("-1"))).isTrue();
        assertThat(Expression.truthy(json("\"false\""))).isTrue();
        assertThat(Expression.truthy(json("[0]"))).isTrue();
        assertThat(Expression.parse("inputs.empty || inputs.tags").test(SCOPE)).isTrue();
        assertThat(Expression.parse("inputs.empty && inputs.tags").test(SCOPE)).isFalse();
        assertThat(Expression.parse("!inputs.missing").test(SCOPE)).isTrue();
    }

    @Test
    void logical_operators_short_circuit() {
        // the right side would fail; && and || must not evaluate it
        assertThat(eval("false && 1 / 0 == 1").booleanValue()).isFalse();
        assertThat(eval("true || 1 / 0 == 1").booleanValue()).isTrue();
        assertThat(eval("true ? 1 : 1 / 0")).isEqualTo(value("1"));
        assertThat(eval("coalesce(inputs.name, 1 / 0)")).isEqualTo(value("\"Ada\""));
    }

    @Test
    void plus_concatenates_text_and_lists() {
        assertThat(eval("'n=' + inputs.priority + ', ok=' + true + ', x=' + inputs.missing"))
                .isEqualTo(value("\"n=3, ok=true, x=\""));
        assertThat(eval("'tags: ' + inputs.tags")).isEqualTo(value("\"tags: [\\\"urgent\\\",\\\"billing\\\"]\""));
        assertThat(eval("[1] + inputs.tags")).isEqualTo(value("[1, \"urgent\", \"billing\"]"));
        assertThat(eval("'price ' + inputs.price * 10")).isEqualTo(value("\"price 1\""));
    }

    @Test
    void scope_values_are_not_modified() {
        JsonNode before = Fixtures.INPUTS.deepCopy();
        eval("inputs.tags + ['x']");
        assertThat(Fixtures.INPUTS).isEqualTo(before);
    }

    @Test
    void non_finite_numbers_from_data_are_an_error_not_a_crash() {
        Scope scope = Scope.of(Map.of("inputs", Fixtures.json("{}").deepCopy()));
        ((tools.jackson.databind.node.ObjectNode) scope.resolve("inputs")).set("x", DoubleNode.valueOf(Double.NaN));
        assertThatThrownBy(() -> Expression.parse("inputs.x + 1").evaluate(scope))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("the number NaN is not finite at column 9");
    }

    @Test
    void evaluation_work_is_bounded() {
        // each level joins 50 items with the previous level as separator: about 49 times longer each time
        String items = "[" + "item.sku, ".repeat(49) + "item.sku]";
        String level = "inputs.brief";
        for (int i = 0; i < 2; i++) {
            level = "join(" + items + ", " + level + ")";
        }
        assertThat(eval("len(" + level + ")").intValue()).isEqualTo(50 * 3 + 49 * (50 * 3 + 49 * 22));

        String tooMuch = "len(join(" + items + ", " + level + "))";
        assertThatThrownBy(() -> eval(tooMuch))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("expression needs too much work (more than 1000000 steps) at column 4");
    }
}

package dev.switchboard.workflow.expr;

import static dev.switchboard.workflow.expr.Fixtures.eval;
import static dev.switchboard.workflow.expr.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParsingTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "1 + 2 * 3 => 7",
                "(1 + 2) * 3 => 9",
                "10 - 4 - 3 => 3",
                "100 / 10 / 5 => 2",
                "2 * 3 % 4 => 2",
                "-2 * 3 => -6",
                "- (2 + 3) => -5",
                "1 + 2 == 3 => true",
                "1 < 2 == true => true",
                "true || false && false => true",
                "(true || false) && false => false",
                "!true || true => true",
                "!(true || true) => false",
                "false ? 1 : true ? 2 : 3 => 2",
                "true ? false ? 1 : 2 : 3 => 2",
                "1 == 1 ? 'a' + 'b' : 'c' => \"ab\"",
                "3 in [1, 2] || 2 in [1, 2] => true",
                "'a' + 1 + 2 => \"a12\"",
                "1 + 2 + 'a' => \"3a\"",
            })
    void precedence_and_associativity(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(value(expected));
    }

    @Test
    void comparisons_do_not_chain() {
        assertThatThrownBy(() -> Expression.parse("1 < 2 < 3"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("comparisons do not chain; combine them with && or parentheses at column 6");
    }

    @Test
    void errors_name_the_offending_column() {
        assertError("inputs.a + )", "unexpected ')'", 11);
        assertError("(inputs.a + 1", "expected ')' but found end of expression", 13);
        assertError("inputs.a = 1", "unexpected character '=' (compare with ==)", 9);
        assertError("inputs.a & b", "unexpected character '&' (use && for 'and')", 9);
        assertError("'open", "unterminated string", 0);
        assertError(
                "x + 1", "unknown name 'x' (a reference starts with one of inputs, steps, vars, item, index, run)", 0);
        assertError("1 + now()", "unknown function 'now'", 4);
        assertError("len(1, 2)", "len() takes 1 argument, not 2", 0);
        assertError("inputs.", "expected a field name after '.'", 7);
        assertError("[1, 2", "expected ',' or ']' but found end of expression", 5);
        assertError("1e5", "malformed number", 0);
        assertError("'\\q'", "unknown escape '\\q'", 1);
        assertError("", "empty expression", 0);
        assertError("inputs[1.5]", "an index must be a whole number or a string, not 1.5", 7);
        assertError("matches(inputs.brief, '(a')", "matches() pattern: missing ')' (at index 2 of the pattern)", 22);
    }

    @Test
    void exception_separates_reason_from_column() {
        ExpressionException e = catchError("inputs.a + )");
        assertThat(e.reason()).isEqualTo("unexpected ')'");
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.getMessage()).isEqualTo("unexpected ')' at column 11");
    }

    @Test
    void rejects_text_longer_than_the_limit() {
        String longest = "1" + " + 1".repeat((Expression.MAX_LENGTH - 1) / 4);
        assertThat(longest.length()).isLessThanOrEqualTo(Expression.MAX_LENGTH);
        assertThat(Expression.parse(longest).evaluate(Fixtures.SCOPE).intValue())
                .isEqualTo(1 + (Expression.MAX_LENGTH - 1) / 4);

        assertError("1 " + " ".repeat(Expression.MAX_LENGTH), "expression is longer than 4000 characters", 4000);
    }

    @Test
    void rejects_nesting_deeper_than_the_limit() {
        String deepest = "(".repeat(Expression.MAX_DEPTH - 1) + "1" + ")".repeat(Expression.MAX_DEPTH - 1);
        assertThat(eval(deepest).intValue()).isEqualTo(1);

        String tooDeep = "(".repeat(Expression.MAX_DEPTH) + "1" + ")".repeat(Expression.MAX_DEPTH);
        assertThatThrownBy(() -> Expression.parse(tooDeep))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("expression nested deeper than 32");
        assertThatThrownBy(() -> Expression.parse("!".repeat(40) + "true"))
                .hasMessageStartingWith("expression nested deeper than 32");
        assertThatThrownBy(() -> Expression.parse("len(".repeat(40) + "1" + ")".repeat(40)))
                .hasMessageStartingWith("expression nested deeper than 32");
    }

    @Test
    void long_flat_chains_are_not_nesting() {
        String conditions =
                String.join(" || ", java.util.Collections.nCopies(150, "inputs.priority == 9")) + " || true";
        assertThat(eval(conditions).booleanValue()).isTrue();
    }

    @Test
    void references_list_each_path_once_in_order_including_untaken_branches() {
        Expression expression = Expression.parse("steps.classify.output.label == 'billing' && inputs.priority >= 3"
                + " ? steps.summarize.output.text : inputs[\"brief\"] + inputs.priority");

        assertThat(expression.references())
                .containsExactly(
                        Path.of("steps", "classify", "output", "label"),
                        Path.of("inputs", "priority"),
                        Path.of("steps", "summarize", "output", "text"),
                        Path.of("inputs", "brief"));
    }

    @Test
    void references_stop_at_computed_indexes_and_keep_static_ones() {
        Expression expression =
                Expression.parse("inputs.nested[vars.key][-1] + item + inputs.tags[0] + len(keys(run))");

        assertThat(expression.references())
                .containsExactly(
                        Path.of("inputs", "nested"),
                        Path.of("vars", "key"),
                        Path.of("item"),
                        new Path(List.of(new Path.Key("inputs"), new Path.Key("tags"), new Path.Index(0))),
                        Path.of("run"));
        assertThat(expression.references().get(3)).hasToString("inputs.tags[0]");
        assertThat(Path.of("inputs", "key with space", "x")).hasToString("inputs[\"key with space\"].x");
    }

    private static void assertError(String source, String reason, int column) {
        ExpressionException e = catchError(source);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.column()).as("column of %s", reason).isEqualTo(column);
    }

    private static ExpressionException catchError(String source) {
        try {
            Expression.parse(source);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("parsed without error: " + source);
    }
}

package dev.switchboard.workflow.expr;

import static dev.switchboard.workflow.expr.Fixtures.eval;
import static dev.switchboard.workflow.expr.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "len(inputs.name) => 3",
                "len('héllo 👋') => 7",
                "len(inputs.tags) => 2",
                "len(inputs.nested) => 2",
                "len(inputs.missing) => 0",
                "lower('ÄB c') => \"äb c\"",
                "upper(inputs.name) => \"ADA\"",
                "trim('  a b \\n') => \"a b\"",
                "lower(inputs.missing) => null",
                "contains(inputs.brief, 'Q3') => true",
                "contains(inputs.tags, 'urgent') => true",
                "contains(inputs.missing, 'x') => false",
                "startsWith(inputs.brief, 'Launch') => true",
                "endsWith(inputs.brief, 'Launch') => false",
                "startsWith(inputs.missing, 'a') => false",
                "matches(inputs.brief, 'Q[0-9]') => true",
                "matches(inputs.brief, '^Q[0-9]') => false",
                "number(' 12.50 ') => 12.5",
                "number('-3') => -3",
                "number(4) => 4",
                "number(inputs.missing) => null",
                "string(12.50) => \"12.5\"",
                "string(inputs.tags) => \"[\\\"urgent\\\",\\\"billing\\\"]\"",
                "string(null) => \"\"",
                "bool('True') => true",
                "bool(' false ') => false",
                "bool(0) => false",
                "bool(inputs.tags) => true",
                "isEmpty(inputs.empty) => true",
                "isEmpty(inputs.missing) => true",
                "isEmpty(inputs.tags) => false",
                "isEmpty(0) => false",
                "coalesce(inputs.missing, inputs.nothing, 'fallback') => \"fallback\"",
                "coalesce(inputs.missing) => null",
                "round(2.5) => 3",
                "round(-2.5) => -3",
                "round(2.345, 2) => 2.35",
                "round(inputs.price * 3, 1) => 0.3",
                "min(3, 1.5, 2) => 1.5",
                "max(inputs.nested.list) => 30",
                "max('apple', 'pear') => \"pear\"",
                "min(inputs.missing, 4) => 4",
                "min([]) => null",
                "join(inputs.tags) => \"urgent, billing\"",
                "join(inputs.tags, '|') => \"urgent|billing\"",
                "join([1, null, true], '-') => \"1--true\"",
                "keys(inputs.nested) => [\"key with space\", \"list\"]",
                "keys(inputs.missing) => []",
            })
    void functions(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(value(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "len(3) => len() needs a STRING, LIST or OBJECT, not a NUMBER at column 0",
                "upper(1) => upper() needs a STRING, not a NUMBER at column 0",
                "startsWith(inputs.name, 1) => startsWith() needs two STRINGs, not a STRING and a NUMBER at column 0",
                "number('12abc') => number() cannot read a STRING \"12abc\" as a number at column 0",
                "number(true) => number() cannot read a BOOLEAN as a number at column 0",
                "bool('yes') => bool() reads only \"true\" or \"false\" from a STRING, not \"yes\" at column 0",
                "round(1.5, 21) => round() takes a whole number of digits from 0 to 20 at column 0",
                "round('1') => cannot apply 'round' to a STRING at column 0",
                "min(1, 'a') => cannot compare a STRING with a NUMBER in min() at column 0",
                "max(true) => max() needs NUMBERs or STRINGs, not a BOOLEAN at column 0",
                "join(inputs.name) => join() needs a LIST, not a STRING at column 0",
                "keys(inputs.tags) => keys() needs an OBJECT, not a LIST at column 0",
                "matches(inputs.name, inputs.priority) => matches() needs a STRING pattern, not a NUMBER at column 21",
            })
    void function_type_errors(String expression, String message) {
        assertThatThrownBy(() -> eval(expression))
                .isInstanceOf(ExpressionException.class)
                .hasMessage(message);
    }
}

package dev.switchboard.workflow.expr;

import static dev.switchboard.workflow.expr.Fixtures.TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeCheckTest {

    @ParameterizedTest(name = "{0} : {1}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "steps.classify.output.label == 'billing' && inputs.priority >= 3 => BOOLEAN",
                "inputs.priority + 1 => NUMBER",
                "inputs.priority + 'x' => STRING",
                "inputs.brief + inputs.priority => STRING",
                "inputs.tags + ['x'] => LIST",
                "item.qty + 1 => ANY",
                "item.qty * 2 => NUMBER",
                "inputs.flag ? inputs.brief : 'none' => STRING",
                "inputs.flag ? inputs.brief : null => STRING",
                "inputs.flag ? inputs.brief : 1 => ANY",
                "coalesce(inputs.brief, null, 'x') => STRING",
                "len(inputs.tags) => NUMBER",
                "upper(inputs.name) => STRING",
                "keys(steps.classify.output) => LIST",
                "steps.classify.output.label in ['billing', 'sales'] => BOOLEAN",
                "'Q3' in inputs.brief => BOOLEAN",
                "inputs.tags[0] => ANY",
                "inputs.tags[-1].x.y => ANY",
                "item.qty.deeper[3] => ANY",
                "steps.classify.output[inputs.name] => ANY",
                "max(inputs.priority, 2) => NUMBER",
                "inputs.name == null => BOOLEAN",
                "item == 3 => BOOLEAN",
            })
    void types_of_well_typed_expressions(String expression, ValueType expected) {
        assertThat(Expression.parse(expression).typeOf(TYPES)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "inputs.name > 3 => cannot compare a STRING with a NUMBER using '>' at column 12",
                "inputs.priority == 'high' => '==' compares a NUMBER with a STRING, which are never equal at column 16",
                "steps.classify.output.label == 1 && true => '==' compares a STRING with a NUMBER, which are never equal at column 28",
                "inputs.priority - inputs.name => cannot apply '-' to a NUMBER and a STRING at column 16",
                "inputs.flag + 1 => cannot apply '+' to a BOOLEAN and a NUMBER at column 12",
                "-inputs.brief => cannot apply '-' to a STRING at column 0",
                "inputs.priority > null => '>' with null is always false at column 16",
                "inputs.flag < true => cannot compare a BOOLEAN with a BOOLEAN using '<' at column 12",
                "1 in inputs.brief => 'in' cannot look for a NUMBER in a STRING at column 2",
                "upper(inputs.priority) => upper() cannot take a NUMBER as argument 1 at column 6",
                "len(inputs.flag) => len() cannot take a BOOLEAN as argument 1 at column 4",
                "startsWith(inputs.brief, 3) => startsWith() cannot take a NUMBER as argument 2 at column 25",
                "inputs.nope == 1 => unknown reference 'inputs.nope' at column 0",
                "steps.ghost.output.text => unknown reference 'steps.ghost.output.text' (nothing at 'steps.ghost') at column 0",
                "inputs.brief.length => cannot read field 'length' of a STRING at column 12",
                "inputs.tags.first => cannot read field 'first' of a LIST at column 11",
                "upper(inputs.brief).x => cannot read field 'x' of a STRING at column 19",
                "min(inputs.priority, inputs.name) => min() cannot compare NUMBERs with STRINGs at column 0",
                "inputs.flag ? 1 : inputs.name * 2 => cannot apply '*' to a STRING and a NUMBER at column 30",
            })
    void mistyped_expressions_are_reported(String expression, String message) {
        assertThatThrownBy(() -> Expression.parse(expression).typeOf(TYPES))
                .isInstanceOf(ExpressionException.class)
                .hasMessage(message);
    }
}

package dev.switchboard.workflow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever text arrives (a user's typo, a half-written expression, noise), parsing, type
 * checking, evaluating and rendering either succeed or throw {@link ExpressionException}; never another
 * exception or error. Seeded, so every run tries the same inputs.
 */
class GarbageInputTest {

    private static final String[] PIECES = {
        "inputs",
        "steps",
        "vars",
        "item",
        "index",
        "run",
        ".",
        "[",
        "]",
        "(",
        ")",
        "{{",
        "}}",
        "\\{{",
        ",",
        "?",
        ":",
        "!",
        "-",
        "+",
        "*",
        "/",
        "%",
        "<",
        "<=",
        ">",
        ">=",
        "==",
        "!=",
        "&&",
        "||",
        "in",
        "true",
        "false",
        "null",
        "0",
        "1",
        "-1",
        "0.5",
        "1e9",
        "99999999999999999999999999999999999999",
        "'",
        "\"",
        "'a'",
        "\"b\\n\"",
        "\\",
        "len",
        "lower",
        "upper",
        "trim",
        "contains",
        "startsWith",
        "endsWith",
        "matches",
        "number",
        "string",
        "bool",
        "isEmpty",
        "coalesce",
        "round",
        "min",
        "max",
        "join",
        "keys",
        "now",
        "'(a|b)*c'",
        "'[^x]+'",
        "'a{2,3}'",
        ".brief",
        ".tags",
        ".nested",
        ".list",
        "[0]",
        "[-1]",
        "[vars.i]",
        " ",
        "\n",
        "=",
        "&",
        "|",
        "#",
        "é",
        "👋",
        "\u0000",
        "brief",
        "priority",
        "output",
        "label"
    };

    private static final String[] VALID = {
        "steps.classify.output.label == 'billing' && inputs.priority >= 3",
        "inputs.nested.list[vars.i] + inputs.nested['key with space'] * 2",
        "coalesce(inputs.missing, upper(inputs.name)) + join(inputs.tags, '-')",
        "matches(inputs.brief, '^(L|l)aunch\\s+\\w+') ? round(inputs.price * 3, 1) : -1",
        "len(keys(inputs.nested)) in [1, 2, 3] || !isEmpty(inputs.tags)",
        "Brief {{inputs.brief}} for {{ item.sku }} x{{item.qty}}",
        "max(inputs.nested.list) / min(1.5, index) % 7 - number('12.5')",
        "startsWith(string(inputs.tags[-1]), 'bill') && bool('true') != false",
    };

    @Test
    void random_text_only_ever_raises_expression_exceptions() {
        Random random = new Random(20261128L);
        int parsed = 0;
        int rendered = 0;
        for (int i = 0; i < 10_000; i++) {
            String text = switch (i % 3) {
                case 0 -> noise(random);
                case 1 -> tokens(random);
                default -> mutated(random);
            };
            if (tryExpression(text)) {
                parsed++;
            }
            if (tryTemplate(text)) {
                rendered++;
            }
        }
        // the generator must reach the evaluator, or the property says little
        assertThat(parsed).isGreaterThan(500);
        assertThat(rendered).isGreaterThan(3_000);
    }

    private static boolean tryExpression(String text) {
        Expression expression;
        try {
            expression = Expression.parse(text);
        } catch (ExpressionException expected) {
            return false;
        }
        expression.references();
        try {
            expression.typeOf(GarbageInputTest::anyType);
        } catch (ExpressionException expected) {
            // a type error is a fine answer
        }
        try {
            expression.evaluate(Fixtures.SCOPE);
            expression.test(Fixtures.SCOPE);
            return true;
        } catch (ExpressionException expected) {
            return true;
        }
    }

    private static boolean tryTemplate(String text) {
        try {
            Template template = Template.parse(text);
            template.references();
            template.render(Fixtures.SCOPE);
            return true;
        } catch (ExpressionException expected) {
            return false;
        }
    }

    private static Optional<ValueType> anyType(Path path) {
        return path.segments().size() > 3
                ? Optional.empty()
                : Optional.of(ValueType.values()[path.toString().length() % 7]);
    }

    private static String tokens(Random random) {
        List<String> parts = new ArrayList<>();
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            parts.add(PIECES[random.nextInt(PIECES.length)]);
        }
        return String.join(random.nextBoolean() ? "" : " ", parts);
    }

    /** A valid expression with one or two characters deleted, replaced or inserted. */
    private static String mutated(Random random) {
        StringBuilder text = new StringBuilder(VALID[random.nextInt(VALID.length)]);
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }

    private static String noise(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
        }
        return text.toString();
    }
}

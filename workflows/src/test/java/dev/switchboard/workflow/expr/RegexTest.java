package dev.switchboard.workflow.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.StringNode;

class RegexTest {

    private static boolean matches(String pattern, String text) {
        return Regex.compile(pattern, 0).find(text, new Work(Expression.MAX_WORK), 0);
    }

    /** Where both engines accept a pattern, ours must answer exactly as java.util.regex's find() does. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "abc => xxabcxx",
                "^abc => xxabc",
                "abc$ => xxabc",
                "^$ => ''",
                "a.c => a-c",
                "colou?r => color",
                "colou?r => colouur",
                "ab*c => ac",
                "ab+c => ac",
                "a{2} => ba",
                "a{2,} => baaa",
                "^a{2,3}$ => aaaa",
                "^a{2,3}?$ => aaa",
                "^(ab|cd)+$ => abcdab",
                "^(ab|cd)+$ => abcda",
                "^(?:x|y|z){3}$ => xzy",
                "[a-c]+ => zzb",
                "^[^,]+$ => a,b",
                "^[\\w.+-]+@([\\w-]+\\.)+\\w+$ => ada.lovelace+test@mail.example.org",
                "^[\\w.+-]+@([\\w-]+\\.)+\\w+$ => not an email@x",
                "\\d{3}-\\d{4} => call 555-1234",
                "\\bcat\\b => concat",
                "\\bcat\\b => a cat!",
                "\\Bcat => concat",
                "\\s\\S => a b",
                "[\\d\\s]+x => 1 2 x",
                "[-a] => -",
                "[a\\-z] => -",
                "\\. => a.b",
                "\\. => ab",
                "(?i)hello => HeLLo world",
                "(?i)[a-c]x => BX",
                "(a|) => zzz",
                "(a*)*b => aaaac",
                "\\u0041 => A",
                "é => café",
            })
    void agrees_with_java_regex(String pattern, String text) {
        String input = text.equals("''") ? "" : text;
        assertThat(matches(pattern, input))
                .as("%s on %s", pattern, input)
                .isEqualTo(Pattern.compile(pattern).matcher(input).find());
    }

    @Test
    void catastrophic_patterns_finish_in_linear_steps() {
        String as = "a".repeat(Regex.MAX_TEXT - 1) + "b";
        assertThat(matches("(a+)+$", "a".repeat(30) + "b")).isFalse(); // java.util.regex backtracks for ages here
        assertThat(matches("a.c", "a\nc"))
                .isEqualTo(Pattern.compile("a.c").matcher("a\nc").find());
        assertThat(matches("^(a+)+$", as)).isFalse();
        assertThat(matches("^(a|aa)+$", as)).isFalse();
        assertThat(matches("^(a|b)*$", "ab".repeat(Regex.MAX_TEXT / 2)))
                .isTrue(); // java.util.regex overflows the stack here
        assertThat(matches("(x+x+)+y", "x".repeat(5_000))).isFalse();
    }

    @Test
    void a_pattern_with_too_many_live_states_runs_out_of_work_instead_of_time() {
        String pattern = "(a?){100}a{100}b"; // 300 states live at every position
        Work work = new Work(Expression.MAX_WORK);
        assertThatThrownBy(() -> Regex.compile(pattern, 5).find("a".repeat(Regex.MAX_TEXT), work, 5))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("expression needs too much work (more than 1000000 steps) at column 5");
    }

    @Test
    void refuses_long_patterns_long_texts_and_unsupported_syntax() {
        assertRefused("a".repeat(Regex.MAX_PATTERN + 1), "matches() pattern is longer than 200 characters");
        assertRefused("(a)\\1", "matches() pattern: unsupported escape '\\1' (at index 5 of the pattern)");
        assertRefused(
                "(?=a)",
                "matches() pattern: only (..) and (?:..) groups are supported (no look-around, flags or names) (at index 1 of the pattern)");
        assertRefused("a++", "matches() pattern: possessive quantifiers are not supported (at index 2 of the pattern)");
        assertRefused("a**", "matches() pattern: nothing to repeat (at index 2 of the pattern)");
        assertRefused(
                "a{101}", "matches() pattern: a count must be a number from 0 to 100 (at index 5 of the pattern)");
        assertRefused("(a{100}){100}", "matches() pattern expands to too many states (counts too large)");
        assertRefused("[a", "matches() pattern: missing ']' (at index 2 of the pattern)");
        assertRefused("a)", "matches() pattern: unmatched ')' (at index 1 of the pattern)");

        Scope scope = Scope.of(Map.of("inputs", StringNode.valueOf("a".repeat(Regex.MAX_TEXT + 1))));
        assertThatThrownBy(() -> Expression.parse("matches(inputs, 'a')").evaluate(scope))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("matches() text is longer than 10000 characters at column 0");
    }

    @Test
    void a_pattern_computed_at_run_time_is_checked_at_run_time() {
        Scope scope = Scope.of(Map.of("vars", Fixtures.json("{\"p\": \"(a\"}")));
        Expression expression = Expression.parse("matches('a', vars.p)"); // parses: the pattern is not known yet
        assertThatThrownBy(() -> expression.evaluate(scope))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("matches() pattern: missing ')' (at index 2 of the pattern) at column 13");
    }

    private static void assertRefused(String pattern, String reason) {
        assertThatThrownBy(() -> matches(pattern, "aaa"))
                .isInstanceOf(ExpressionException.class)
                .extracting(e -> ((ExpressionException) e).reason())
                .isEqualTo(reason);
    }
}

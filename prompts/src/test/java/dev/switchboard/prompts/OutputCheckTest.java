package dev.switchboard.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputCheckTest {

    static final PromptTemplate CLASSIFY = BundledPrompts.all().stream()
            .filter(b -> b.template().key().equals("classify-text"))
            .findFirst()
            .orElseThrow()
            .template();

    @Test
    void contains_is_case_sensitive_unless_asked() {
        assertThat(new OutputCheck.Contains("Refund", false)
                        .evaluate("a refund is due", CLASSIFY)
                        .passed())
                .isFalse();
        assertThat(new OutputCheck.Contains("Refund", true)
                        .evaluate("a refund is due", CLASSIFY)
                        .passed())
                .isTrue();
    }

    @Test
    void regex_finds_a_match_anywhere() {
        assertThat(new OutputCheck.Matches("order [A-Z]-\\d{4}")
                        .evaluate("your order A-1001 shipped", CLASSIFY)
                        .passed())
                .isTrue();
        assertThat(new OutputCheck.Matches("^order")
                        .evaluate("your order", CLASSIFY)
                        .passed())
                .isFalse();
    }

    @Test
    void a_catastrophic_regex_gives_up_instead_of_hanging() {
        CheckResult result = new OutputCheck.Matches("(x+x+)+y").evaluate("x".repeat(3000), CLASSIFY);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("too long");
    }

    @Test
    void an_invalid_regex_is_refused_when_the_check_is_made() {
        assertThatThrownBy(() -> new OutputCheck.Matches("(unclosed"))
                .hasMessageContaining("not a valid regular expression");
    }

    @Test
    void json_is_checked_against_the_templates_schema() {
        OutputCheck check = new OutputCheck.ValidJson();

        assertThat(check.evaluate("{\"category\":\"billing\",\"confidence\":0.9,\"reason\":\"x\"}", CLASSIFY)
                        .passed())
                .isTrue();
        assertThat(check.evaluate(
                                "```json\n{\"category\":\"billing\",\"confidence\":0.9,\"reason\":\"x\"}\n```",
                                CLASSIFY)
                        .passed())
                .isTrue();
        CheckResult wrong = check.evaluate("{\"category\":\"billing\",\"confidence\":7}", CLASSIFY);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.detail()).contains("reason").contains("confidence");
        assertThat(check.evaluate("Sure! Here is the JSON", CLASSIFY).detail()).startsWith("not JSON");
    }
}

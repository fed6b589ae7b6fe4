package dev.switchboard.ui.prompt;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.switchboard.ui.prompt.PromptFixtures.byId;
import static dev.switchboard.ui.prompt.PromptFixtures.text;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import dev.switchboard.prompt.PromptPlayground;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.OutputCheck;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.JsonNodeFactory;

/** Test cases run against a version on the simulated models: pass or fail per case and per check. */
@ServedViewTest
class TestCasesViewIT extends PromptViewTest {

    @Autowired
    PromptPlayground playground;

    PromptVersion v1;

    @BeforeEach
    void aTemplateWithTwoVersionsAndATestCase() {
        v1 = PromptFixtures.greetingIn(library, marketing, PromptFixtures.unique("cases"));
        library.publish(v1.templateId());
        playground.saveTestCase(
                v1.templateId(),
                "greets Ada",
                Map.of("who", JsonNodeFactory.instance.stringNode("Ada")),
                List.of(new OutputCheck.Matches("\\S"), new OutputCheck.Contains("text-no-model-writes-42", false)),
                "sim-chat");
    }

    @Test
    void a_version_run_shows_the_case_failing_with_one_check_passed_and_one_failed() {
        PromptFixtures.open(TestCasesView.class, v1);

        _click(byId(Button.class, "cases-run"));

        assertThat(_get(H3.class, spec -> spec.withId("report-v1-summary")).getText())
                .isEqualTo("Version 1: 0 of 1 passed");
        assertThat(byId(Badge.class, "report-v1-case-0-verdict").getText()).isEqualTo("Fail");
        assertThat(text("report-v1-case-0-check-0")).startsWith("✓ matches /\\S/");
        assertThat(text("report-v1-case-0-check-1"))
                .startsWith("✗ contains 'text-no-model-writes-42'")
                .contains("not found");
        assertThat(text("report-v1-case-0-output")).isNotBlank();
    }

    @Test
    void two_versions_are_compared_side_by_side() {
        library.saveDraft(v1.templateId(), v1.template());
        PromptFixtures.open(TestCasesView.class, v1);
        @SuppressWarnings("unchecked")
        Select<Integer> compare = byId(Select.class, "cases-compare");
        enter(compare, 1);

        _click(byId(Button.class, "cases-run"));

        assertThat(_get(H3.class, spec -> spec.withId("report-v2-summary")).getText())
                .isEqualTo("Version 2: 0 of 1 passed");
        assertThat(_get(H3.class, spec -> spec.withId("report-v1-summary")).getText())
                .isEqualTo("Version 1: 0 of 1 passed");
    }
}

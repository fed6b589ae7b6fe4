package dev.switchboard.ui.prompt;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static dev.switchboard.ui.prompt.PromptFixtures.byId;
import static dev.switchboard.ui.prompt.PromptFixtures.text;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.prompt.ModelEstimate;
import dev.switchboard.prompt.PromptPlayground;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompt.TestCase;
import dev.switchboard.prompts.OutputCheck;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The playground through the real gateway to the built-in simulated providers, charged and in the ledger. */
@ServedViewTest
class PlaygroundViewIT extends PromptViewTest {

    static final Set<String> TWO_MODELS = Set.of("sim-fast/sim-chat", "sim-mid/sim-chat");

    @Autowired
    PromptPlayground playground;

    @Autowired
    UsageLedger ledger;

    PromptVersion v1;

    @BeforeEach
    void openBrowser() {
        marketing = PromptFixtures.marketing(org);
        v1 = greeting("play");
    }

    @Test
    void estimates_two_models_then_runs_them_side_by_side_with_tokens_and_cost_as_the_ledger_charged() {
        PromptFixtures.open(PlaygroundView.class, v1);
        enter(byId(TextField.class, "value-who"), "the new team");
        assertThat(text("preview-1")).isEqualTo("user: Greet the new team in a warm tone.");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> models = byId(MultiSelectComboBox.class, "playground-models");
        enter(models, TWO_MODELS);

        _click(byId(Button.class, "playground-estimate"));

        @SuppressWarnings("unchecked")
        List<ModelEstimate> estimates = _findAll(byId(Grid.class, "playground-estimates"));
        assertThat(estimates).hasSize(2).allSatisfy(e -> {
            assertThat(e.ok()).as(e.error()).isTrue();
            assertThat(e.promptTokens()).isPositive();
            assertThat(e.assumedOutputTokens()).isEqualTo(100);
            assertThat(e.estimatedCost().micros()).isPositive();
        });
        assertThat(estimates).extracting(ModelEstimate::providerId).containsExactlyInAnyOrder("sim-fast", "sim-mid");

        _click(byId(Button.class, "playground-run"));

        assertThat(text("playground-charged")).startsWith("Charged to Marketing");
        for (int i = 0; i < 2; i++) {
            String card = "run-" + i;
            UsageEntry row = ledgerRow(text(card + "-request"));
            assertThat(TWO_MODELS).contains(row.providerId() + "/" + row.model());
            assertThat(text(card + "-output")).isNotBlank();
            assertThat(text(card + "-tokens"))
                    .isEqualTo("Tokens: " + RunCard.count(row.inputTokens()) + " input · "
                            + RunCard.count(row.outputTokens()) + " output");
            assertThat(row.retail().micros()).isPositive();
            assertThat(text(card + "-cost")).isEqualTo("Cost: " + Formats.money(row.retail()));
            assertThat(text(card + "-latency")).startsWith("Latency: ").endsWith(" ms");
        }
    }

    @Test
    void a_run_is_saved_as_a_test_case_with_its_inputs_and_checks() {
        PromptFixtures.open(PlaygroundView.class, v1);
        enter(byId(TextField.class, "value-who"), "Ada");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> models = byId(MultiSelectComboBox.class, "playground-models");
        enter(models, Set.of("sim-chat"));
        _click(byId(Button.class, "playground-run"));

        _click(byId(Button.class, "run-0-save-case"));
        enter(byId(TextField.class, "case-name"), "greets Ada");
        enter(byId(TextField.class, "case-regex"), "\\S");
        _click(byId(Button.class, "case-save"));

        List<TestCase> cases = playground.testCases(v1.templateId());
        assertThat(cases).hasSize(1);
        assertThat(cases.getFirst().name()).isEqualTo("greets Ada");
        assertThat(cases.getFirst().model()).isEqualTo("sim-chat");
        assertThat(cases.getFirst().inputs().get("who").asString()).isEqualTo("Ada");
        assertThat(cases.getFirst().checks()).containsExactly(new OutputCheck.Matches("\\S"));
    }

    @Test
    void a_missing_required_value_is_marked_and_nothing_runs() {
        PromptFixtures.open(PlaygroundView.class, v1);

        TextField who = byId(TextField.class, "value-who");

        assertThat(who.isInvalid()).isTrue();
        assertThat(who.getErrorMessage()).isNotBlank();
        _click(byId(Button.class, "playground-run"));
        _assertNone(RunCard.class);
    }

    private UsageEntry ledgerRow(String requestId) {
        return ledger.query(new UsageQuery(marketing.id(), null, null, null, null, null, 500)).entries().stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ledger row for " + requestId + " charged to Marketing"));
    }
}

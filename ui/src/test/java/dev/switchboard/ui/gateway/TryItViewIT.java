package dev.switchboard.ui.gateway;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.org.UserRole;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The try-it console through the real gateway path to the built-in simulated providers (served by
 * this test's own server), and the usage view showing the row it left in the ledger.
 */
@ServedViewTest
class TryItViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    UsageLedger ledger;

    MockBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = MockBrowser.open(context);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void a_designer_sends_a_message_sees_provider_and_cost_and_then_the_row_in_usage() {
        browser.signInAs("alice", UserRole.DESIGNER);
        UI.getCurrent().navigate(TryItView.class);
        enter(_get(ComboBox.class, spec -> spec.withId("try-model")), "sim-chat");
        enter(_get(TextArea.class, spec -> spec.withId("try-message")), "Write one line about budgets.");

        _click(_get(Button.class, spec -> spec.withId("try-send")));

        String requestId = text("try-request-id");
        UsageEntry row = ledgerRow(requestId);
        // sim-chat is served by three simulators; the cheapest one, sim-fast, gets it
        assertThat(_get(Span.class, spec -> spec.withId("try-provider-name")).getText())
                .isEqualTo("Served by Simulated: fast and cheap (sim-fast) as sim-chat");
        assertThat(_find(_get(HorizontalLayout.class, spec -> spec.withId("try-provider")), Badge.class))
                .extracting(Badge::getText)
                .containsExactly(Badges.SIMULATED);
        assertThat(text("try-answer")).isNotBlank().doesNotStartWith("(");
        assertThat(text("try-cost"))
                .isEqualTo("Cost: wholesale " + Formats.money(row.wholesale()) + " · charged "
                        + Formats.money(row.retail()) + " to Marketing");
        assertThat(row.retail().micros()).isPositive();
        assertThat(text("try-tokens"))
                .isEqualTo("Tokens: " + Formats.tokens(row.inputTokens()) + " input ("
                        + Formats.tokens(row.cachedTokens()) + " cached) · " + Formats.tokens(row.outputTokens())
                        + " output");
        assertThat(text("try-chain")).startsWith("Fallback chain: sim-fast");
        assertThat(row.status()).isEqualTo(CallStatus.OK);
        assertThat(row.apiKeyId()).isNull();

        UI.getCurrent().navigate(UsageView.class);

        UsageGrid usage = _get(UsageGrid.class, spec -> spec.withId("usage-grid"));
        List<UsageEntry> rows = _findAll(usage);
        int shown = rows.stream().map(UsageEntry::requestId).toList().indexOf(requestId);
        assertThat(shown).as("the console's call in the usage table").isNotNegative();
        assertThat(_getFormatted(usage, shown, "orgUnit")).isEqualTo("Marketing");
        assertThat(_getFormatted(usage, shown, "model")).isEqualTo("sim-chat");
        assertThat(_getFormatted(usage, shown, "key")).isEqualTo(UsageGrid.NO_KEY);
        assertThat(_getFormatted(usage, shown, "retail")).isEqualTo(Formats.money(row.retail()));
        assertThat(_find(_getCellComponent(usage, shown, "provider"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly(Badges.SIMULATED);
    }

    @Test
    void an_unknown_model_gets_the_gateways_answer_in_plain_words() {
        browser.signInAs("alice", UserRole.DESIGNER);
        UI.getCurrent().navigate(TryItView.class);
        ComboBox<String> model = _get(ComboBox.class, spec -> spec.withId("try-model"));
        enter(model, "no-such-model");
        enter(_get(TextArea.class, spec -> spec.withId("try-message")), "Hello?");

        _click(_get(Button.class, spec -> spec.withId("try-send")));

        Paragraph error = _get(Paragraph.class, spec -> spec.withId("try-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText())
                .startsWith("The gateway answered 404 (model_not_found): The model 'no-such-model' does not exist");
        assertThat(model.isInvalid()).isTrue();
        _assertNone(TryItResult.class);
        // the button works again for the next attempt
        assertThat(_get(Button.class, spec -> spec.withId("try-send")).isEnabled())
                .isTrue();
    }

    @Test
    void an_empty_message_is_refused_on_its_field_without_calling_anyone() {
        browser.signInAs("alice", UserRole.DESIGNER);
        UI.getCurrent().navigate(TryItView.class);
        TextArea message = _get(TextArea.class, spec -> spec.withId("try-message"));

        _click(_get(Button.class, spec -> spec.withId("try-send")));

        assertThat(message.isInvalid()).isTrue();
        assertThat(message.getErrorMessage()).isEqualTo("Write a message to send");
        _assertNone(TryItResult.class);
    }

    @Test
    void a_viewer_cannot_spend_from_the_console() {
        browser.signInAs("vera-viewer", UserRole.VIEWER);
        UI.getCurrent().navigate(TryItView.class);

        assertThat(text("try-not-allowed")).contains("Only platform admins, designers and operators");
        _assertNone(Button.class, spec -> spec.withId("try-send"));
    }

    private UsageEntry ledgerRow(String requestId) {
        return ledger.query(new UsageQuery(null, null, null, null, null, null, 200)).entries().stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ledger row for " + requestId));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}

package dev.switchboard.ui.budget;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.chargeback.BillingPeriod;
import dev.switchboard.chargeback.Chargeback;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.UserRole;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The chargeback view against the real {@code Chargeback}: a statement of ledger rows recorded in the
 * test, grouped and totalled, closed by finance after a confirmation (and then frozen), a refused close
 * said in words, and no close action for those who may not close.
 */
@ServedViewTest
class ChargebackViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    Chargeback chargeback;

    @Autowired
    UsageLedger ledger;

    @Autowired
    OrgService org;

    @Autowired
    Clock clock;

    MockBrowser browser;
    String suffix;

    @BeforeEach
    void openBrowser() {
        browser = MockBrowser.open(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void finance_closes_an_ended_period_and_its_statement_turns_closed() {
        OrgUnit dept = Fixtures.department(org, "Closing " + suffix);
        BillingPeriod last = previousPeriod();
        ledger.record(Fixtures.call(dept, last.start().plusSeconds(3600), "ui-model-a", 1_000_000, 1_500_000));
        ledger.record(Fixtures.call(dept, last.start().plusSeconds(7200), "ui-model-a", 1_000_000, 1_500_000));
        ledger.record(Fixtures.call(dept, last.start().plusSeconds(9000), "ui-model-b", 2_000_000, 2_500_000));
        browser.signInAs("carol", UserRole.FINANCE);
        open(dept, last.label());

        assertThat(status()).isEqualTo("Open");
        Grid<StatementRows.Row> lines = lines();
        assertThat(_findAll(lines))
                .extracting(StatementRows.Row::model)
                .containsExactlyInAnyOrder("ui-model-a", "ui-model-b");
        assertThat(_get(Div.class, spec -> spec.withId("chargeback-totals"))
                        .getElement()
                        .getTextRecursively())
                .contains("3 calls", "wholesale 4.000000 USD", "retail 5.500000 USD", "margin 1.500000 USD");
        @SuppressWarnings("unchecked")
        Select<StatementRows.Grouping> grouping = _get(Select.class, spec -> spec.withId("chargeback-grouping"));
        enter(grouping, StatementRows.Grouping.PROVIDER);
        assertThat(_findAll(lines)).singleElement().satisfies(row -> {
            assertThat(row.provider()).isEqualTo("sim-mid");
            assertThat(row.calls()).isEqualTo(3);
            assertThat(row.marginMicros()).isEqualTo(1_500_000);
        });
        Anchor csv = _get(Anchor.class, spec -> spec.withId("chargeback-csv"));
        assertThat(csv.getHref()).isNotBlank();

        _click(button("chargeback-close"));
        _click(button("chargeback-close-cancel"));
        assertThat(chargeback.statement(dept.id(), last.label()).closed()).isFalse();
        _click(button("chargeback-close"));
        _click(button("chargeback-close-confirm"));

        assertThat(status()).isEqualTo("Closed");
        assertThat(chargeback.statement(dept.id(), last.label()).closed()).isTrue();
        assertThat(button("chargeback-close").isEnabled()).isFalse();
        assertThat(_findAll(lines))
                .singleElement()
                .extracting(StatementRows.Row::calls)
                .isEqualTo(3L);
    }

    @Test
    void closing_a_period_that_has_not_ended_is_refused_in_words() {
        OrgUnit dept = Fixtures.department(org, "Early " + suffix);
        browser.signInAs("carol", UserRole.FINANCE);
        open(dept, chargeback.periodContaining(clock.instant()).label());

        _click(button("chargeback-close"));
        _click(button("chargeback-close-confirm"));

        assertThat(getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).contains("has not ended yet"));
        assertThat(status()).isEqualTo("Open");
    }

    @Test
    void a_period_that_is_not_one_is_marked_on_the_field() {
        OrgUnit dept = Fixtures.department(org, "Typo " + suffix);
        browser.signInAs("carol", UserRole.FINANCE);

        open(dept, "2026-13");

        TextField period = _get(TextField.class, spec -> spec.withId("chargeback-period"));
        assertThat(period.isInvalid()).isTrue();
        assertThat(period.getErrorMessage()).isNotBlank();
        // nothing to download when there is no statement
        _assertNone(Anchor.class, spec -> spec.withId("chargeback-csv"));
    }

    @Test
    void a_designer_reads_their_units_statement_but_cannot_close_it() {
        browser.signInAs("alice", UserRole.DESIGNER);

        UI.getCurrent().navigate(ChargebackView.class);

        @SuppressWarnings("unchecked")
        ComboBox<OrgUnit> unit = _get(ComboBox.class, spec -> spec.withId("chargeback-unit"));
        assertThat(unit.getValue().name()).isEqualTo("Marketing");
        assertThat(status()).isEqualTo("Open");
        _assertNone(Button.class, spec -> spec.withId("chargeback-close"));
    }

    private BillingPeriod previousPeriod() {
        BillingPeriod current = chargeback.periodContaining(clock.instant());
        return chargeback.periodContaining(current.start().minusSeconds(1));
    }

    private static void open(OrgUnit unit, String period) {
        UI.getCurrent().navigate(ChargebackView.class);
        @SuppressWarnings("unchecked")
        ComboBox<OrgUnit> picker = _get(ComboBox.class, spec -> spec.withId("chargeback-unit"));
        enter(picker, unit);
        enter(_get(TextField.class, spec -> spec.withId("chargeback-period")), period);
    }

    private static String status() {
        return _find(_get(Span.class, spec -> spec.withId("chargeback-status")), Badge.class)
                .getFirst()
                .getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<StatementRows.Row> lines() {
        return _get(Grid.class, spec -> spec.withId("chargeback-lines"));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}

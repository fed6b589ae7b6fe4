package dev.switchboard.ui.budget;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.budget.BudgetChange;
import dev.switchboard.budget.BudgetPeriod;
import dev.switchboard.budget.BudgetProperties;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Budgets;
import dev.switchboard.budget.Enforcement;
import dev.switchboard.budget.NewBudget;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.ledger.SpendForecast;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.notify.Audience;
import dev.switchboard.notify.NewNotification;
import dev.switchboard.notify.Notification;
import dev.switchboard.notify.NotificationId;
import dev.switchboard.notify.Notifications;
import dev.switchboard.notify.Severity;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.UserRole;
import dev.switchboard.platform.Money;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The budgets dashboard against the real services: budgets created in the dialog (the backend's
 * validation shown on the field), spend from real gateway calls and ledger rows drawn as a chart with a
 * forecast in words, top consumers, alerts marked read, and edit actions only for admin and finance.
 */
@ServedViewTest
class BudgetsViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    Budgets budgets;

    @Autowired
    GatewayService gateway;

    @Autowired
    UsageLedger ledger;

    @Autowired
    Notifications notifications;

    @Autowired
    OrgService org;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Autowired
    BudgetProperties budgetSettings;

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
    void finance_creates_a_budget_and_sees_refused_input_on_the_field_it_is_about() {
        OrgUnit ops = Fixtures.department(org, "Ops " + suffix);
        browser.signInAs("carol", UserRole.FINANCE);
        open(ops);
        _click(button("budget-new"));
        enter(_get(TextField.class, spec -> spec.withId("budget-name")), "Ops monthly");
        BigDecimalField amount = _get(BigDecimalField.class, spec -> spec.withId("budget-amount"));

        enter(amount, new BigDecimal("0.0000001"));
        _click(button("budget-save"));
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).contains("six decimals");

        // refused by the backend's rule, shown on the same field
        enter(amount, BigDecimal.ZERO);
        _click(button("budget-save"));
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo("Must be positive");

        enter(amount, new BigDecimal("250"));
        TextField thresholds = _get(TextField.class, spec -> spec.withId("budget-thresholds"));
        enter(thresholds, "50, 50");
        _click(button("budget-save"));
        assertThat(thresholds.getErrorMessage()).contains("listed twice");
        assertThat(budgets.list(ops.id(), null, true)).isEmpty();

        enter(thresholds, "50, 90");
        _click(button("budget-save"));

        _assertNoDialogs();
        List<BudgetStatus> stored = budgets.list(ops.id(), null, false);
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.budget().amount()).isEqualTo(Money.ofMicros(250_000_000, "USD"));
            assertThat(s.budget().thresholds()).containsExactly(50, 90);
            assertThat(s.budget().hard()).isTrue();
        });
        List<String> row = _getFormattedRow(grid(), 0);
        assertThat(row)
                .contains(
                        "Ops monthly",
                        "Monthly from " + budgets.today(),
                        "250.000000 USD",
                        "0.000000 USD",
                        LocalDate.ofInstant(stored.getFirst().current().resetsAt(), zone())
                                .toString());
        assertThat(_find(_getCellComponent(grid(), 0, "enforcement"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly("Hard");
    }

    @Test
    void the_chosen_budget_shows_its_spend_as_a_chart_with_a_forecast_and_top_consumers() {
        OrgUnit dept = Fixtures.department(org, "Research " + suffix);
        browser.signInAs("carol", UserRole.FINANCE);
        budgets.create(new NewBudget(
                new BudgetScope.Unit(dept.id()),
                "Research monthly",
                Money.ofMicros(1_000_000_000, "USD"),
                new BudgetPeriod.Monthly(budgets.today()),
                Enforcement.SOFT,
                null));
        chat(dept);
        ledger.record(Fixtures.call(dept, clock.instant(), "ui-test-big", 1_000_000, 2_000_000));

        open(dept);

        BudgetStatus status = budgets.list(dept.id(), null, false).getFirst();
        assertThat(status.current().spent().micros())
                .as("the gateway charged the budget")
                .isPositive();
        assertThat(_getFormattedRow(grid(), 0))
                .contains(Amounts.money(status.current().spent()));
        String forecast = text("budget-forecast");
        assertThat(forecast)
                .startsWith("At ")
                .contains(" a day this budget lasts until it resets on "
                        + LocalDate.ofInstant(status.current().resetsAt(), zone()));

        String chart = _get(Div.class, spec -> spec.withId("budget-chart"))
                .getChildren()
                .map(Svg.class::cast)
                .findFirst()
                .orElseThrow()
                .getElement()
                .getProperty("innerHTML");
        assertThat(chart).startsWith("<svg").contains("viewBox=", "class=\"limit\"", "class=\"projection\"");
        assertThat(chart).containsPattern("class=\"spent\"[^>]*points=\"\\d+,\\d+ \\d+,\\d+");

        Grid<TopConsumers.Consumer> top = _get(Grid.class, spec -> spec.withId("budget-top-consumers"));
        List<TopConsumers.Consumer> consumers = _findAll(top);
        assertThat(consumers).hasSizeGreaterThanOrEqualTo(2);
        assertThat(consumers.getFirst().model()).isEqualTo("ui-test-big");
        assertThat(_getFormattedRow(top, 0)).contains("ui-test-big", "2.000000 USD", "Master key or platform");
    }

    @Test
    void a_budget_burning_faster_than_its_period_says_the_day_it_runs_out() {
        OrgUnit dept = Fixtures.department(org, "Sales " + suffix);
        browser.signInAs("carol", UserRole.FINANCE);
        BudgetStatus created = budgets.create(new NewBudget(
                new BudgetScope.Unit(dept.id()),
                "Sales sprint",
                Money.ofMicros(1_000_000_000, "USD"),
                new BudgetPeriod.Custom(budgets.today().minusDays(9), 30),
                Enforcement.SOFT,
                List.of()));
        chat(dept);
        long spent = budgets.get(created.budget().id()).current().spent().micros();
        assertThat(spent).isPositive();
        // what is left lasts a hundredth of the time spent so far at this rate: hours, not weeks
        BudgetStatus tight = budgets.update(
                created.budget().id(),
                new BudgetChange(
                        "Sales sprint",
                        Money.ofMicros(spent + Math.max(1, spent / 100), "USD"),
                        Enforcement.SOFT,
                        List.of()));

        open(dept);

        SpendForecast expected = new SpendForecast(
                spent,
                tight.current().limit().micros(),
                tight.current().start(),
                tight.current().resetsAt(),
                clock.instant());
        assertThat(text("budget-forecast"))
                .contains(" a day this budget runs out on "
                        + LocalDate.ofInstant(expected.exhaustedAt().orElseThrow(), zone()))
                .contains("it resets on " + LocalDate.ofInstant(tight.current().resetsAt(), zone()));
    }

    @Test
    void finance_changes_then_archives_a_budget() {
        OrgUnit dept = Fixtures.department(org, "Legal " + suffix);
        browser.signInAs("carol", UserRole.FINANCE);
        budgets.create(new NewBudget(
                new BudgetScope.Unit(dept.id()),
                "Legal quarterly",
                Money.ofMicros(300_000_000, "EUR"),
                new BudgetPeriod.Quarterly(budgets.today()),
                Enforcement.HARD,
                null));
        open(dept);

        _click(button("budget-edit"));
        assertThat(_get(ComboBox.class, spec -> spec.withId("budget-currency")).isReadOnly())
                .isTrue();
        enter(_get(BigDecimalField.class, spec -> spec.withId("budget-amount")), new BigDecimal("500.5"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Enforcement> enforcement =
                _get(RadioButtonGroup.class, spec -> spec.withId("budget-enforcement"));
        enter(enforcement, Enforcement.SOFT);
        _click(button("budget-save"));

        assertThat(_getFormattedRow(grid(), 0)).contains("500.500000 EUR");
        assertThat(_find(_getCellComponent(grid(), 0, "enforcement"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly("Soft");

        _click(button("budget-archive"));
        _click(button("budget-archive-cancel"));
        assertThat(_findAll(grid())).hasSize(1);
        _click(button("budget-archive"));
        _click(button("budget-archive-confirm"));

        assertThat(_findAll(grid())).isEmpty();
        assertThat(budgets.list(dept.id(), null, true).getFirst().budget().archived())
                .isTrue();
        enter(_get(Checkbox.class, spec -> spec.withId("budgets-archived")), true);
        assertThat(_find(_getCellComponent(grid(), 0, "enforcement"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly("Archived");
        assertThat(button("budget-edit").isEnabled()).isFalse();
        assertThat(text("budget-forecast")).contains("archived");
    }

    @Test
    void a_designer_reads_the_budgets_of_their_units_without_edit_actions() {
        OrgUnit marketing = unitNamed("Marketing");
        Fixtures.asAdmin(() -> budgets.create(new NewBudget(
                new BudgetScope.Unit(marketing.id()),
                "Marketing " + suffix,
                Money.ofMicros(100_000_000, "USD"),
                new BudgetPeriod.Monthly(budgets.today()),
                Enforcement.HARD,
                null)));
        browser.signInAs("alice", UserRole.DESIGNER);

        UI.getCurrent().navigate(BudgetsView.class);

        ComboBox<OrgUnit> unit = _get(ComboBox.class, spec -> spec.withId("budgets-unit"));
        assertThat(unit.getValue()).extracting(OrgUnit::id).isEqualTo(marketing.id());
        assertThat(getSuggestionItems(unit)).extracting(OrgUnit::name).doesNotContain("IT", "Finance");
        assertThat(_findAll(grid())).extracting(s -> s.budget().name()).contains("Marketing " + suffix);
        _assertNone(Button.class, spec -> spec.withId("budget-new"));
        _assertNone(Button.class, spec -> spec.withId("budget-edit"));
        _assertNone(Button.class, spec -> spec.withId("budget-archive"));
    }

    @Test
    void alerts_of_the_persons_units_are_listed_and_marked_read() {
        OrgUnit dept = Fixtures.department(org, "Support " + suffix);
        String title = "Budget 'Support " + suffix + "' reached 80 %";
        NotificationId posted = notifications
                .post(new NewNotification(
                        new Audience.Unit(dept.id()),
                        "budget.threshold",
                        Severity.WARNING,
                        title,
                        "Spent 80.000000 USD of 100.000000 USD this period.",
                        null,
                        "ui-test:" + suffix))
                .orElseThrow();
        browser.signInAs("carol", UserRole.FINANCE);
        open(dept);

        Grid<Notification> alerts = _get(Grid.class, spec -> spec.withId("alerts-grid"));
        int row = indexOf(_findAll(alerts), posted);
        assertThat(_getFormattedRow(alerts, row)).contains(title);
        assertThat(_find(_getCellComponent(alerts, row, "severity"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly("Warning");

        Button markRead = (Button) _getCellComponent(alerts, row, "read");
        assertThat(markRead.getId()).hasValue("alert-read-" + posted.value());
        _click(markRead);

        assertThat(_findAll(alerts).get(indexOf(_findAll(alerts), posted)).read())
                .isTrue();
        assertThat(notifications.mine(true, Notifications.MAX_LIMIT))
                .extracting(Notification::id)
                .doesNotContain(posted);
    }

    private void chat(OrgUnit unit) {
        ObjectNode body = json.createObjectNode();
        body.put("model", "sim-chat");
        body.putArray("messages").addObject().put("role", "user").put("content", "Count to three.");
        body.put("max_tokens", 32);
        gateway.chat(ChargeContext.of(unit.id()), body, null);
    }

    private static void open(OrgUnit unit) {
        UI.getCurrent().navigate(BudgetsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<OrgUnit> picker = _get(ComboBox.class, spec -> spec.withId("budgets-unit"));
        enter(picker, unit);
    }

    private static int indexOf(List<Notification> shown, NotificationId id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("notification " + id + " is not listed");
    }

    private ZoneId zone() {
        return budgetSettings.timeZone();
    }

    private OrgUnit unitNamed(String name) {
        return org.list(false).stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<BudgetStatus> grid() {
        return _get(Grid.class, spec -> spec.withId("budgets-grid"));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}

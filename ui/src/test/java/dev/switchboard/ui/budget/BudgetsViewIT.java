package dev.switchboard.ui.budget;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.switchboard.budget.BudgetPeriod;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Budgets;
import dev.switchboard.budget.Enforcement;
import dev.switchboard.budget.NewBudget;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.UserRole;
import dev.switchboard.platform.Money;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** The budgets dashboard against real budgets, real gateway calls and the real ledger. */
@ServedViewTest
class BudgetsViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    Budgets budgets;

    @Autowired
    GatewayService gateway;

    @Autowired
    OrgService org;

    @Autowired
    JsonMapper json;

    @Autowired
    dev.switchboard.catalog.Catalog catalog;

    @Autowired
    dev.switchboard.procurement.ProviderAccounts accounts;

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
    void finance_sees_spend_against_a_budget_with_its_chart_forecast_and_top_consumers() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        OrgUnit company = org.list(false).stream()
                .filter(u -> u.kind() == OrgUnitKind.COMPANY)
                .findFirst()
                .orElseThrow();
        OrgUnit unit = org.create(OrgUnitKind.DEPARTMENT, company.id(), "Dashboard " + UUID.randomUUID());
        String name = "Dash " + UUID.randomUUID().toString().substring(0, 6);
        BudgetStatus budget = budgets.create(new NewBudget(
                new BudgetScope.Unit(unit.id()),
                name,
                Money.ofMicros(50_000_000, "USD"),
                new BudgetPeriod.Monthly(budgets.today().withDayOfMonth(1)),
                Enforcement.HARD,
                List.of(50, 80, 100)));
        gateway.chat(
                ChargeContext.of(unit.id()),
                json.readTree("{\"model\":\"sim-chat\",\"max_tokens\":20,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to three.\"}]}"),
                null);

        browser.close();
        browser = MockBrowser.open(context).signInAs("carol", UserRole.FINANCE);
        UI.getCurrent().navigate(BudgetsView.class);
        @SuppressWarnings("unchecked")
        Grid<BudgetStatus> grid = _get(Grid.class, spec -> spec.withId("budgets-grid"));
        BudgetStatus row = _findAll(grid).stream()
                .filter(s -> s.budget().id().equals(budget.budget().id()))
                .findFirst()
                .orElseThrow();
        assertThat(row.current().spent().micros()).isPositive();

        grid.select(row);

        assertThat(_get(Svg.class, spec -> spec.withId("budget-chart"))
                        .getElement()
                        .getProperty("innerHTML"))
                .contains("class=\"spent\"")
                .contains("class=\"limit\"");
        assertThat(_get(Paragraph.class, spec -> spec.withId("budget-forecast")).getText())
                .startsWith("At ")
                .contains(" USD a day");
        @SuppressWarnings("unchecked")
        Grid<dev.switchboard.chargeback.StatementLine> top = _get(Grid.class, spec -> spec.withId("budget-top-grid"));
        assertThat(_findAll(top))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.model()).isNotBlank());
    }

    @Test
    void finance_reads_a_live_statement_downloads_it_and_a_designer_cannot_close_periods() {
        browser.signInAs("carol", UserRole.FINANCE);
        OrgUnit it = org.list(false).stream()
                .filter(u -> u.name().equals("IT"))
                .findFirst()
                .orElseThrow();
        gateway.chat(
                ChargeContext.of(it.id()),
                json.readTree("{\"model\":\"sim-chat\",\"max_tokens\":20,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to three.\"}]}"),
                null);
        UI.getCurrent().navigate(ChargebackView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<OrgUnit> unit =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("chargeback-unit"));
        MockBrowser.enter(unit, it);
        _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("chargeback-show"))
                .click();

        assertThat(_get(Paragraph.class, spec -> spec.withId("chargeback-status"))
                        .getText())
                .startsWith("Open");
        assertThat(_get(Paragraph.class, spec -> spec.withId("chargeback-totals"))
                        .getText())
                .contains(" calls · wholesale ")
                .contains("margin");
        @SuppressWarnings("unchecked")
        Grid<dev.switchboard.chargeback.StatementLine> lines =
                _get(Grid.class, spec -> spec.withId("chargeback-lines"));
        assertThat(_findAll(lines)).isNotEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("chargeback-csv"))
                        .getText())
                .isEqualTo("Download CSV");
        assertThat(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("chargeback-close"))
                        .isVisible())
                .isTrue();

        browser.close();
        browser = MockBrowser.open(context).signInAs("alice", UserRole.DESIGNER);
        UI.getCurrent().navigate(ChargebackView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(
                com.vaadin.flow.component.button.Button.class, spec -> spec.withId("chargeback-close"));
    }

    @Test
    void finance_sees_provider_balances() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        String provider = "bal-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.createProvider(new dev.switchboard.catalog.NewProvider(
                dev.switchboard.catalog.ProviderId.of(provider),
                new dev.switchboard.catalog.ProviderSettings(
                        "Balance test",
                        dev.switchboard.catalog.ProtocolFamily.OPENAI_COMPATIBLE,
                        dev.switchboard.catalog.QuirksPreset.VLLM,
                        "http://127.0.0.1:9/v1",
                        "local",
                        "self-hosted"),
                null,
                true,
                false));
        accounts.open(new dev.switchboard.procurement.NewProviderAccount(
                dev.switchboard.catalog.ProviderId.of(provider),
                dev.switchboard.procurement.AccountKind.PREPAID,
                java.util.Currency.getInstance("USD"),
                Money.ofMicros(25_000_000, "USD"),
                "PO-1",
                new dev.switchboard.procurement.AccountSettings(Money.ofMicros(1_000_000, "USD"), true),
                null));

        browser.close();
        browser = MockBrowser.open(context).signInAs("carol", UserRole.FINANCE);
        UI.getCurrent().navigate(ProviderBalancesView.class);
        @SuppressWarnings("unchecked")
        Grid<dev.switchboard.procurement.ProviderAccount> grid =
                _get(Grid.class, spec -> spec.withId("provider-balances"));
        assertThat(_findAll(grid))
                .filteredOn(a -> a.providerId().value().equals(provider))
                .singleElement()
                .satisfies(a -> assertThat(a.remaining().micros()).isEqualTo(25_000_000));
    }
}

package dev.switchboard.ui.budget;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.org.UserRole;
import dev.switchboard.platform.Money;
import dev.switchboard.procurement.AccountKind;
import dev.switchboard.procurement.AccountSettings;
import dev.switchboard.procurement.NewProviderAccount;
import dev.switchboard.procurement.ProviderAccount;
import dev.switchboard.procurement.ProviderAccounts;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Provider balances against the real {@code ProviderAccounts}: finance sees them, others are told why not. */
@ServedViewTest
class ProviderBalancesViewIT {

    static final ProviderId PROVIDER = new ProviderId("sim-mid");

    @Autowired
    ApplicationContext context;

    @Autowired
    ProviderAccounts accounts;

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
    void finance_sees_each_provider_account_with_balance_and_alert_state() {
        browser.signInAs("carol", UserRole.FINANCE);
        if (accounts.accounts().stream().noneMatch(a -> a.providerId().equals(PROVIDER))) {
            // the test database outlives runs: the account is opened once
            accounts.open(new NewProviderAccount(
                    PROVIDER,
                    AccountKind.PREPAID,
                    Currency.getInstance("USD"),
                    Money.ofMicros(500_000_000, "USD"),
                    "ui-test opening",
                    new AccountSettings(Money.ofMicros(10_000_000, "USD"), false),
                    null));
        }

        UI.getCurrent().navigate(ProviderBalancesView.class);

        @SuppressWarnings("unchecked")
        Grid<ProviderAccount> grid = _get(Grid.class, spec -> spec.withId("balances-grid"));
        List<ProviderAccount> shown = _findAll(grid);
        int row = shown.stream().map(ProviderAccount::providerId).toList().indexOf(PROVIDER);
        assertThat(row).isNotNegative();
        ProviderAccount account = shown.get(row);
        assertThat(_getFormattedRow(grid, row))
                .contains(
                        "sim-mid",
                        "Prepaid",
                        Amounts.money(account.credited()),
                        Amounts.money(account.spent()),
                        Amounts.money(account.remaining()));
        String expectedState = switch (account.alertLevel()) {
            case OK -> "OK";
            case LOW -> "Low";
            case EXHAUSTED -> "Exhausted";
        };
        assertThat(_find(_getCellComponent(grid, row, "alert"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly(expectedState);
    }

    @Test
    void a_designer_is_told_that_only_admin_and_finance_see_provider_accounts() {
        browser.signInAs("alice", UserRole.DESIGNER);

        UI.getCurrent().navigate(ProviderBalancesView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("balances-not-allowed"))
                        .getText())
                .isEqualTo(ProviderBalancesView.NOT_ALLOWED);
        _assertNone(Grid.class, spec -> spec.withId("balances-grid"));
    }
}

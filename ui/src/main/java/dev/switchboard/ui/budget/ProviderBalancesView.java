package dev.switchboard.ui.budget;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.platform.Money;
import dev.switchboard.procurement.ProviderAccount;
import dev.switchboard.procurement.ProviderAccounts;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Budgets → Provider balances (the upstream side, finance and admins): each provider's prepaid balance
 * or credit line, what wholesale spend has drawn from it, what is left and its low-balance state.
 * Top-ups and limits are recorded through REST ({@code /api/v1/procurement/accounts}).
 */
@Route(value = "budgets/providers", layout = MainLayout.class)
@PageTitle("Provider balances | Switchboard")
@RolesAllowed({"PLATFORM_ADMIN", "FINANCE"})
public class ProviderBalancesView extends VerticalLayout {

    ProviderBalancesView(ProviderAccounts accounts) {
        setSizeFull();
        add(new H2("Provider balances"));
        Grid<ProviderAccount> grid = new Grid<>();
        grid.setId("provider-balances");
        grid.addColumn(a -> a.providerId().value()).setHeader("Provider").setAutoWidth(true);
        grid.addColumn(a -> a.kind().name().toLowerCase().replace('_', ' ')).setHeader("Kind");
        grid.addColumn(a -> money(a.credited())).setHeader("Credited");
        grid.addColumn(a -> money(a.spent())).setHeader("Spent (wholesale)");
        grid.addColumn(a -> money(a.remaining())).setHeader("Left");
        grid.addColumn(a -> a.alertLevel().name().toLowerCase()).setHeader("Alert");
        grid.addColumn(a -> a.exhausted() && a.avoidWhenExhausted() ? "avoided by the router" : "")
                .setHeader("Routing");
        grid.setItems(accounts.accounts());
        grid.setAllRowsVisible(true);
        Paragraph hint = new Paragraph("Top-ups and credit lines are recorded through the REST API"
                + " (/api/v1/procurement/accounts); every entry is kept.");
        add(grid, hint);
    }

    private static String money(Money money) {
        return money == null ? "" : Formats.money(money);
    }
}

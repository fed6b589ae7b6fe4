package dev.switchboard.ui.budget;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.procurement.AccountKind;
import dev.switchboard.procurement.ProviderAccount;
import dev.switchboard.procurement.ProviderAccounts;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Budgets → Provider balances: the upstream side of the resale, per provider account what was put in,
 * what the ledger says was spent wholesale, what is left and the shared alert state. Platform admins
 * and finance only ({@code ProviderAccounts} checks); others are told so.
 */
@Route(value = "budgets/provider-balances", layout = MainLayout.class)
@PageTitle("Provider balances | Switchboard")
@PermitAll
public class ProviderBalancesView extends VerticalLayout {

    static final String NOT_ALLOWED = "Only platform admins and finance see the provider accounts.";

    private final Grid<ProviderAccount> grid = new Grid<>();

    ProviderBalancesView(ProviderAccounts accounts, UnitChoices choices) {
        setSizeFull();
        add(new H2("Provider balances"));
        if (!choices.managesMoney()) {
            Paragraph note = new Paragraph(NOT_ALLOWED);
            note.setId("balances-not-allowed");
            add(note);
            return;
        }
        Paragraph intro = new Paragraph("Prepaid balances and credit lines at the upstream providers, drawn down by"
                + " the wholesale cost of every call the ledger records.");
        intro.addClassName("sb-quiet");
        configureGrid();
        add(intro);
        addAndExpand(grid);
        List<ProviderAccount> shown;
        try {
            shown = accounts.accounts().stream()
                    .sorted(Comparator.comparing(a -> a.providerId().value()))
                    .toList();
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            shown = List.of();
        }
        grid.setItems(shown);
        if (shown.isEmpty()) {
            Paragraph none = new Paragraph("No provider account is set up yet (REST: /api/v1/procurement).");
            none.setId("balances-none");
            add(none);
        }
    }

    private void configureGrid() {
        grid.setId("balances-grid");
        grid.addColumn(a -> a.providerId().value()).setHeader("Provider").setKey("provider");
        grid.addColumn(a -> a.kind() == AccountKind.PREPAID ? "Prepaid" : "Credit line")
                .setHeader("Kind")
                .setKey("kind");
        grid.addColumn(a -> a.kind() == AccountKind.CREDIT_LINE ? Amounts.money(a.creditLimit()) : "")
                .setHeader("Credit limit")
                .setKey("creditLimit");
        grid.addColumn(a -> Amounts.money(a.credited())).setHeader("Paid in").setKey("credited");
        grid.addColumn(a -> Amounts.money(a.spent())).setHeader("Spent").setKey("spent");
        grid.addColumn(a -> Amounts.money(a.balance())).setHeader("Balance").setKey("balance");
        grid.addColumn(a -> Amounts.money(a.remaining())).setHeader("Remaining").setKey("remaining");
        grid.addColumn(a -> Amounts.money(a.lowBalanceThreshold()))
                .setHeader("Alert below")
                .setKey("threshold");
        grid.addComponentColumn(ProviderBalancesView::alert).setHeader("State").setKey("alert");
        grid.addColumn(a -> a.avoidWhenExhausted() ? "Avoided when exhausted" : "Kept in routing")
                .setHeader("Routing")
                .setKey("routing");
    }

    private static Badge alert(ProviderAccount a) {
        Badge badge = new Badge(
                switch (a.alertLevel()) {
                    case OK -> "OK";
                    case LOW -> "Low";
                    case EXHAUSTED -> "Exhausted";
                });
        badge.addThemeVariants(
                switch (a.alertLevel()) {
                    case OK -> BadgeVariant.SUCCESS;
                    case LOW -> BadgeVariant.WARNING;
                    case EXHAUSTED -> BadgeVariant.ERROR;
                });
        return badge;
    }
}

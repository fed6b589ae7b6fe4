package dev.switchboard.ui.budget;

import com.vaadin.flow.component.sidenav.SideNavItem;

/** The budgets' entry in the main navigation, with one item per view. */
public final class BudgetNavigation {

    private BudgetNavigation() {}

    public static SideNavItem item() {
        SideNavItem budgets = new SideNavItem("Budgets");
        budgets.addItem(new SideNavItem("Dashboard", BudgetsView.class));
        budgets.addItem(new SideNavItem("Chargeback", ChargebackView.class));
        budgets.addItem(new SideNavItem("Provider balances", ProviderBalancesView.class));
        budgets.setExpanded(true);
        return budgets;
    }
}

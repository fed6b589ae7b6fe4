package dev.switchboard.ui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.switchboard.ui.AppShell;
import dev.switchboard.ui.admin.org.OrganisationView;
import dev.switchboard.ui.budget.BudgetNavigation;
import dev.switchboard.ui.gateway.GatewayNavigation;
import dev.switchboard.ui.prompt.PromptNavigation;
import dev.switchboard.ui.security.CurrentUser;
import dev.switchboard.ui.workflow.WorkflowNavigation;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in view: the brand and the signed-in person with sign-out on top,
 * the navigation on the side. Areas that are not built yet are listed, marked "later", and lead to
 * {@link ComingSoonView}; built areas bring their own navigation entry.
 */
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(CurrentUser user) {
        addToNavbar(header(user));
        addToDrawer(navigation());
    }

    private static HorizontalLayout header(CurrentUser user) {
        Span brand = new Span(AppShell.PRODUCT);
        brand.setId("brand");
        brand.addClassName("sb-brand");
        Span name = new Span(user.displayName());
        name.setId("current-user");
        Button signOut = new Button("Sign out", click -> user.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, name, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        // the brand takes the free space, which pushes the user and sign-out to the far end
        header.expand(brand);
        header.addClassName("sb-header");
        return header;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem("Home", HomeView.class));
        nav.addItem(GatewayNavigation.item());
        nav.addItem(BudgetNavigation.item());
        nav.addItem(PromptNavigation.item());
        nav.addItem(WorkflowNavigation.item());
        for (Area area : Area.values()) {
            SideNavItem item = new SideNavItem(area.title(), area.path());
            Span later = new Span("later");
            later.addClassName("sb-later");
            later.getElement().setAttribute("title", area.title() + " is not available yet");
            item.setSuffixComponent(later);
            nav.addItem(item);
        }
        SideNavItem admin = new SideNavItem("Admin");
        admin.addItem(new SideNavItem("Organisation", OrganisationView.class));
        admin.setExpanded(true);
        nav.addItem(admin);
        return nav;
    }
}

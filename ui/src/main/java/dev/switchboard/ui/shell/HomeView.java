package dev.switchboard.ui.shell;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.switchboard.org.UserRole;
import dev.switchboard.ui.admin.org.OrganisationView;
import dev.switchboard.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a signed-in person lands: who they are, what their roles let them do, where to go next. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home | Switchboard")
@PermitAll
public class HomeView extends VerticalLayout {

    HomeView(CurrentUser user) {
        H2 greeting = new H2("Welcome, " + user.displayName());
        greeting.setId("greeting");
        Paragraph roles = new Paragraph(rolesSentence(user.roles()));
        roles.setId("roles");
        RouterLink organisation = new RouterLink("Organisation", OrganisationView.class);
        organisation.setId("org-link");
        Paragraph next = new Paragraph(
                new Text("Start with the "),
                organisation,
                new Text(
                        user.isPlatformAdmin()
                                ? ": the company, its departments, teams and projects that budgets and runs are"
                                        + " charged to."
                                : ": the company, its departments, teams and projects (read-only for your roles)."));
        add(greeting, roles, next);
    }

    static String rolesSentence(Set<UserRole> roles) {
        if (roles.isEmpty()) {
            return "You have no roles yet: ask a platform admin to give you one.";
        }
        return "Your roles: " + roles.stream().sorted().map(HomeView::label).collect(Collectors.joining(", ")) + ".";
    }

    static String label(UserRole role) {
        String words = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

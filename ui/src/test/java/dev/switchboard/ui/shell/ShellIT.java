package dev.switchboard.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.switchboard.org.UserRole;
import dev.switchboard.testsupport.BackendTestApplication;
import dev.switchboard.ui.admin.org.OrganisationView;
import dev.switchboard.ui.security.LoginView;
import dev.switchboard.ui.testsupport.MockBrowser;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The frame around the views: who gets in, what the home page says, and the honest placeholders. */
@SpringBootTest(classes = BackendTestApplication.class)
@ActiveProfiles("test")
class ShellIT {

    @Autowired
    ApplicationContext context;

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
    void anonymous_visitor_is_sent_to_the_sign_in_page() {
        UI.getCurrent().navigate(OrganisationView.class);

        expectView(LoginView.class);
    }

    @Test
    void home_greets_the_signed_in_user_with_their_roles() {
        String username = "zoe-" + UUID.randomUUID().toString().substring(0, 8);
        browser.signInAs(username, UserRole.DESIGNER, UserRole.FINANCE);

        UI.getCurrent().navigate(HomeView.class);

        // no local account behind this principal: the sign-in name stands in for a display name
        assertThat(_get(H2.class, spec -> spec.withId("greeting")).getText()).isEqualTo("Welcome, " + username);
        assertThat(_get(Paragraph.class, spec -> spec.withId("roles")).getText())
                .isEqualTo("Your roles: Finance, Designer.");
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText())
                .isEqualTo(username);
    }

    @Test
    void an_area_that_is_not_built_yet_says_so() {
        browser.signInAs("vera-viewer", UserRole.VIEWER);

        UI.getCurrent().navigate(Area.BATCH_JOBS.path());

        expectView(ComingSoonView.class);
        assertThat(_get(H2.class, spec -> spec.withId("area-title")).getText()).isEqualTo("Batch jobs");
        assertThat(_get(Paragraph.class, spec -> spec.withId("area-notice")).getText())
                .contains("not available yet");
    }
}

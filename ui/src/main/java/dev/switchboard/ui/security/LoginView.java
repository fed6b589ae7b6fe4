package dev.switchboard.ui.security;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.switchboard.ui.AppShell;

/**
 * Sign-in with a local account. The form posts straight to Spring Security's form login ({@code POST
 * /login}), which sends a failed attempt back here with {@code ?error}. The form's fields are the
 * standard ones of {@code vaadin-login-form} ({@code input[name=username]}, {@code
 * input[name=password]}), which browser tests and password managers rely on.
 */
@Route(LoginView.ROUTE)
@PageTitle("Sign in | Switchboard")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "login";

    private final AuthenticationContext authentication;
    private final LoginForm form = new LoginForm(i18n());

    LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        form.setId("login-form");
        form.setAction(ROUTE);
        form.setForgotPasswordButtonVisible(false);
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            // a signed-in user who follows an old link to the sign-in page goes home instead
            event.forwardTo("");
            return;
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    private static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(AppShell.PRODUCT);
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Incorrect username or password");
        i18n.getErrorMessage().setMessage("Check the username and password and try again.");
        return i18n;
    }
}

package dev.switchboard.ui.testsupport;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.switchboard.org.UserRole;
import java.util.Arrays;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A server-side browser session for view tests (Karibu-Testing): the real Spring context with its
 * services and method security, Vaadin's real navigation access control, no HTTP. Signing in puts the
 * user where Spring Security and Vaadin each look: the security context and the request's principal.
 */
public final class MockBrowser implements AutoCloseable {

    // scanning the classpath takes a while and the routes never change during a run
    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.switchboard.ui");

    private MockBrowser() {}

    /** Opens a fresh session (and UI) on the given application context. */
    public static MockBrowser open(ApplicationContext context) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        return new MockBrowser();
    }

    /** Signs in as if the sign-in form had accepted {@code username} with these roles. */
    public MockBrowser signInAs(String username, UserRole... roles) {
        List<GrantedAuthority> authorities = Arrays.stream(roles)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authorities.stream()
                .anyMatch(a -> a.getAuthority().equals(role) || a.getAuthority().equals("ROLE_" + role)));
        return this;
    }

    /**
     * Types {@code value} into {@code field}, after checking that a user could (visible, enabled, not
     * read-only). Stands in for Karibu's {@code _setValue}: in karibu-testing 2.6.2 it calls an internal
     * Vaadin method whose signature Vaadin 25.2 changed ({@code NoSuchMethodException}); 2.7.x fixes it.
     */
    public static <V> void enter(HasValue<?, V> field, V value) {
        LocatorJ.assertEditableByUser((Component) field);
        field.setValue(value);
    }

    @Override
    public void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}

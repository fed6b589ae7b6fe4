package dev.switchboard.ui.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import dev.switchboard.ui.AppShell;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the browser UI: session cookie, form login on {@link LoginView}, Vaadin's CSRF and
 * navigation access control. It takes every request the API chain (order 1: {@code /api/**}, docs,
 * actuator) does not claim. Accounts and password hashing come from the backend's {@code
 * UserDetailsService} and {@code PasswordEncoder} beans, which Spring Security picks up by itself.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

    /** After the API chain, which has {@code @Order(1)} and a narrower security matcher. */
    static final int ORDER = 2;

    @Bean
    @Order(ORDER)
    @ConditionalOnNodeRole(NodeRole.UI)
    SecurityFilterChain browserSecurity(HttpSecurity http) throws Exception {
        // Vaadin permits its own static resources (the Aura theme included) and denies anything that is
        // neither a Vaadin route nor permitted. Our stylesheet is named so the sign-in page is styled;
        // /error so that a request failing outside Vaadin answers with its real status, not "forbidden".
        http.authorizeHttpRequests(auth ->
                auth.requestMatchers("/" + AppShell.STYLESHEET, "/error").permitAll());
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * A node started without the {@code ui} role (e.g. {@code SWITCHBOARD_ROLES=api,worker}) serves no
     * pages: everything outside the API chain answers 404, so a load balancer never sends a browser here
     * by mistake and gets a half-working UI.
     */
    @Bean
    @Order(ORDER)
    @ConditionalOnMissingBean(name = "browserSecurity")
    SecurityFilterChain noBrowserUi(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().denyAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                                (request, response, e) -> response.sendError(HttpServletResponse.SC_NOT_FOUND))
                        .accessDeniedHandler(
                                (request, response, e) -> response.sendError(HttpServletResponse.SC_NOT_FOUND)))
                .build();
    }
}

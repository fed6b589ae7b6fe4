package dev.switchboard.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.NewUser;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import dev.switchboard.testsupport.BackendTestApplication;
import dev.switchboard.ui.AppShell;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * The browser security chain over real HTTP: what is public, where a visitor without a session is
 * sent, how sign-in with a local account behaves, and that the API paths stay with the API chain.
 *
 * <p>This module has no frontend bundle (the app module builds it), so Vaadin runs in production mode
 * without one and cannot render pages here: these tests stop at what the security filters decide.
 * Rendering the sign-in page and signing in through it are the app's browser tests.
 */
@SpringBootTest(
        classes = BackendTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.productionMode=true")
@ActiveProfiles("test")
class BrowserSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    @Test
    void stylesheets_are_public_and_views_need_a_session() throws Exception {
        HttpResponse<String> styles = get("/" + AppShell.STYLESHEET);
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.body()).contains(".sb-brand");
        assertThat(get("/aura/aura.css").statusCode()).isEqualTo(200);

        HttpResponse<String> view = get("/admin/organisation");

        assertThat(view.statusCode()).isEqualTo(302);
        assertThat(location(view)).endsWith("/login");
    }

    @Test
    void api_paths_stay_with_the_api_chain() throws Exception {
        HttpResponse<String> api = get("/api/v1/org-units");

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void wrong_password_returns_to_the_sign_in_page_with_an_error() throws Exception {
        HttpResponse<String> attempt = signIn("nobody-" + suffix(), "not-the-password");

        assertThat(attempt.statusCode()).isEqualTo(302);
        assertThat(location(attempt)).endsWith("/login?error");
    }

    @Test
    void local_account_signs_in_with_the_backends_accounts_and_password_hashes() throws Exception {
        String username = "olga-" + suffix();
        createAccount(username, "correct-horse-battery", UserRole.VIEWER);

        HttpResponse<String> signedIn = signIn(username, "correct-horse-battery");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo("http://localhost:" + port + "/");
    }

    private void createAccount(String username, String password, UserRole role) {
        // UserService.create is for platform admins: act as one for this set-up step only
        var admin = UsernamePasswordAuthenticationToken.authenticated(
                "test-setup", null, List.of(new SimpleGrantedAuthority(UserRole.PLATFORM_ADMIN.authority())));
        SecurityContextHolder.setContext(new SecurityContextImpl(admin));
        try {
            users.create(new NewUser(username, "Olga Test", null, password, Set.of(role), Set.of()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

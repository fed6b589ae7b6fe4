package dev.switchboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The gateway journey of a designer in a real browser (Debian's Chromium, driven by Playwright): make
 * an API key and see its secret once, try a model in the console and see who served it and what it
 * cost, then find the call in the usage table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GatewayBrowserIT extends ChromiumTest {

    @LocalServerPort
    int port;

    @Test
    void a_designer_creates_a_key_tries_sim_chat_and_finds_the_call_in_usage() {
        Page page = browser.newContext().newPage();
        page.setDefaultTimeout(30_000);
        signInAsAlice(page);

        String name = "Browser bot " + UUID.randomUUID().toString().substring(0, 6);
        page.locator("#create-key").click();
        page.locator("#key-name input").fill(name);
        page.locator("#create-key-save").click();
        assertThat(page.locator("#key-secret-warning")).containsText("only time the secret is shown");
        String secret = page.locator("#key-secret input").inputValue();
        assertThat(secret).startsWith("sk-sb-").hasSizeGreaterThan(40);
        page.locator("#secret-done").click();
        assertThat(page.locator("#keys-grid")).containsText(name);
        assertThat(page.locator("#key-secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(secret);

        page.navigate(url("/gateway/try"));
        page.locator("#try-model input").fill("sim-chat");
        page.locator("#try-model input").press("Enter");
        page.locator("#try-message textarea").fill("Write one line about budgets.");
        page.locator("#try-send").click();
        assertThat(page.locator("#try-provider")).containsText("(sim-fast) as sim-chat");
        assertThat(page.locator("#try-provider")).containsText("Simulated");
        assertThat(page.locator("#try-cost")).containsText("USD");
        assertThat(page.locator("#try-cost")).containsText("to Marketing");
        String requestId = page.locator("#try-request-id").textContent().strip();
        assertThat(requestId).startsWith("req_");

        page.navigate(url("/gateway/usage"));
        assertThat(page.locator("#usage-grid")).containsText(requestId);
        assertThat(page.locator("#usage-totals")).containsText("calls");
    }

    private void signInAsAlice(Page page) {
        page.navigate(url("/gateway/keys"));
        page.waitForURL("**/login");
        page.locator("input[name=username]").fill("alice");
        page.locator("input[name=password]").fill("alice-demo-pass");
        page.locator("input[name=password]").press("Enter");
        // Spring Security appends "?continue" to the saved request it sends the user back to
        page.waitForURL("**/gateway/keys*");
        assertThat(page.locator("#current-user")).containsText("Alice Designer");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

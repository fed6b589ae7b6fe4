package dev.switchboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The designer's prompt journey in a real browser (Debian's Chromium, driven by Playwright): the prompt
 * library lists the bundled templates, one opens in the editor, and its playground runs it on a
 * simulated model through the gateway, the answer shown in a result card with its cost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PromptBrowserIT extends ChromiumTest {

    @LocalServerPort
    int port;

    @Test
    void a_designer_opens_a_bundled_template_and_runs_it_in_the_playground() {
        Page page = browser.newContext().newPage();
        page.setDefaultTimeout(30_000);
        signInAsAlice(page);

        // the test database holds many templates of other tests: search, as a person would
        page.locator("#prompts-search input").fill("classify");
        assertThat(page.locator("#prompts-grid")).containsText("classify-text");
        page.locator("#prompt-open-classify-text").click();
        assertThat(page.locator("#prompt-title")).containsText("Classify text");
        assertThat(page.locator("#editor-read-only")).containsText("only platform admins change them");

        page.locator("#prompt-link-playground").click();
        page.locator("#value-text input").fill("I was charged twice for my subscription this month.");
        page.locator("#value-text input").press("Tab");
        assertThat(page.locator("#playground-preview")).containsText("charged twice");
        page.locator("#playground-run").click();

        assertThat(page.locator("#run-0-output")).not().isEmpty();
        assertThat(page.locator("#run-0-served")).containsText("Served by sim-");
        assertThat(page.locator("#run-0-cost")).containsText("USD");
        assertThat(page.locator("#playground-charged")).containsText("Charged to Marketing");
    }

    private void signInAsAlice(Page page) {
        page.navigate(url("/prompts"));
        page.waitForURL("**/login");
        page.locator("input[name=username]").fill("alice");
        page.locator("input[name=password]").fill("alice-demo-pass");
        page.locator("input[name=password]").press("Enter");
        page.waitForURL("**/prompts*");
        assertThat(page.locator("#current-user")).containsText("Alice");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

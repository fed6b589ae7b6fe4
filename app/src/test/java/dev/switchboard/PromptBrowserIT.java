package dev.switchboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
class PromptBrowserIT {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() {
        // never let Playwright download its own browser: it cannot here, and Debian's is the one we test
        Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        String chromium = System.getenv().getOrDefault("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium");
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(chromium))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

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

package dev.switchboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The designer's workflow journey in a real browser (Debian's Chromium, driven by Playwright): the
 * library lists the bundled workflows, the support-ticket triage opens in the editor with its graph drawn
 * as SVG, and its run form starts a run on the simulated models whose monitor follows it to success.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkflowBrowserIT extends ChromiumTest {

    @LocalServerPort
    int port;

    @Test
    void a_designer_opens_the_bundled_triage_sees_its_graph_and_runs_it_to_success() {
        Page page = browser.newContext().newPage();
        page.setDefaultTimeout(30_000);
        signInAsAlice(page);

        // the test database holds many workflows of other tests: search, as a person would
        page.locator("#workflows-search input").fill("support-ticket-triage");
        assertThat(page.locator("#workflows-grid")).containsText("Support ticket triage");
        page.locator("#workflow-open-support-ticket-triage").click();
        assertThat(page.locator("#workflow-title")).containsText("Support ticket triage");
        assertThat(page.locator("#editor-problem-count")).hasText("No problems found.");
        // drawn by the browser from the server's SVG: a box per node, an arrow per edge
        assertThat(page.locator("#editor-graph svg")).isVisible();
        assertThat(page.locator("#editor-graph svg g.node")).hasCount(9);
        assertThat(page.locator("#editor-graph svg line.edge")).hasCount(11);

        page.locator("#workflow-link-run").click();
        page.locator("#value-ticket input").fill("I was charged twice for my subscription this month.");
        page.locator("#value-ticket input").press("Tab");
        assertThat(page.locator("#run-charge-to input")).hasValue("Marketing");
        page.locator("#run-start").click();

        page.waitForURL("**/runs/**");
        // the monitor asks the server again every second while the run goes on
        assertThat(page.locator("#run-status"))
                .hasText("Status: SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
        assertThat(page.locator("#run-cost")).containsText("USD");
        assertThat(page.locator("#run-graph svg g.node[data-status=SUCCEEDED]").first())
                .isVisible();
    }

    private void signInAsAlice(Page page) {
        page.navigate(url("/workflows"));
        page.waitForURL("**/login");
        page.locator("input[name=username]").fill("alice");
        page.locator("input[name=password]").fill("alice-demo-pass");
        page.locator("input[name=password]").press("Enter");
        page.waitForURL("**/workflows*");
        assertThat(page.locator("#current-user")).containsText("Alice");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

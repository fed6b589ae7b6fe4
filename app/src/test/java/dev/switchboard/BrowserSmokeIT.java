package dev.switchboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The journey every user starts with, in a real browser (Debian's Chromium, driven by Playwright):
 * sign in, reach the organisation view, change the tree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserSmokeIT extends ChromiumTest {

    @LocalServerPort
    int port;

    @Test
    void admin_signs_in_opens_the_organisation_view_and_adds_a_department() {
        Page page = browser.newContext().newPage();
        page.setDefaultTimeout(30_000);

        page.navigate("http://localhost:" + port + "/admin/organisation");
        page.waitForURL("**/login");
        page.locator("input[name=username]").fill("admin");
        page.locator("input[name=password]").fill("admin-demo-pass");
        page.locator("input[name=password]").press("Enter");

        // Spring Security appends "?continue" to the saved request it sends the user back to
        page.waitForURL("**/admin/organisation*");
        assertThat(page.locator("#current-user")).containsText("Ada Admin");
        // the company is the first row; the departments below depend on what earlier tests created
        assertThat(page.locator("#org-tree")).containsText("Acme Corp");

        String name = "Research " + UUID.randomUUID().toString().substring(0, 6);
        page.locator("#add-unit").click();
        page.locator("#unit-name input").fill(name);
        page.locator("#save").click();

        assertThat(page.locator("#org-tree")).containsText(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL("**/login");
    }

    @Test
    void a_wrong_password_keeps_the_user_on_the_sign_in_page_with_an_error() {
        Page page = browser.newContext().newPage();
        page.setDefaultTimeout(30_000);

        page.navigate("http://localhost:" + port + "/login");
        page.locator("input[name=username]").fill("admin");
        page.locator("input[name=password]").fill("not-the-password");
        page.locator("input[name=password]").press("Enter");

        page.waitForURL("**/login?error");
        assertThat(page.locator("vaadin-login-form")).containsText("Incorrect username or password");
    }
}

package dev.switchboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.switchboard.budget.BudgetPeriod;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.Budgets;
import dev.switchboard.budget.Enforcement;
import dev.switchboard.budget.NewBudget;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.UserRole;
import dev.switchboard.platform.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * The finance journey in a real browser (Debian's Chromium, driven by Playwright): the budgets
 * dashboard draws the spend chart as SVG the browser renders, and the chargeback statement downloads
 * as CSV through the browser session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BudgetBrowserIT extends ChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    Budgets budgets;

    @Autowired
    UsageLedger ledger;

    @Autowired
    OrgService org;

    @Autowired
    Clock clock;

    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void finance_sees_the_spend_chart_rendered_and_downloads_the_statement_as_csv() throws Exception {
        OrgUnit finance = org.list(false).stream()
                .filter(u -> u.name().equals("Finance"))
                .findFirst()
                .orElseThrow();
        givenSpendAndABudgetOn(finance);
        Page page = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true))
                .newPage();
        page.setDefaultTimeout(30_000);
        signInAsCarol(page);

        assertThat(page.locator("#budgets-grid")).containsText("USD");
        // the ledger row is not a budget charge (the gateway settles those), so the forecast has no rate
        assertThat(page.locator("#budget-forecast")).containsText("resets on");
        // drawn by the browser as SVG: the spend line has a size on screen
        BoundingBox line = page.locator("#budget-chart svg polyline.spent").boundingBox();
        assertThat(line).isNotNull();
        assertThat(line.width).isPositive();

        page.navigate(url("/budgets/chargeback"));
        assertThat(page.locator("#chargeback-status")).containsText("Open");
        Download download =
                page.waitForDownload(() -> page.locator("#chargeback-csv").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(download.suggestedFilename())
                .startsWith("chargeback-" + finance.id())
                .endsWith(".csv");
        assertThat(csv).startsWith("period,org_unit_id,org_unit,status,").contains(",Finance,open,usage,");
    }

    private void givenSpendAndABudgetOn(OrgUnit unit) {
        ledger.record(new UsageEntry(
                "browser-" + UUID.randomUUID(),
                clock.instant(),
                null,
                unit.id(),
                null,
                "sim-mid",
                "browser-model",
                100,
                50,
                0,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(1_000_000, "USD"),
                Money.ofMicros(1_200_000, "USD"),
                2000,
                100,
                null,
                CallStatus.OK,
                List.of("sim-mid")));
        var carol = UsernamePasswordAuthenticationToken.authenticated(
                "carol", null, List.of(new SimpleGrantedAuthority(UserRole.FINANCE.authority())));
        SecurityContextImpl signedIn = new SecurityContextImpl(carol);
        // method security reads this context's own holder, the services the static one; a cached context
        // and one started after it (NodeRolesIT's) leave the two apart, so carol goes into both
        SecurityContextHolder.setContext(signedIn);
        securityContexts.setContext(signedIn);
        try {
            if (budgets.list(unit.id(), null, false).isEmpty()) {
                budgets.create(new NewBudget(
                        new BudgetScope.Unit(unit.id()),
                        "Finance monthly",
                        Money.ofMicros(1_000_000_000, "USD"),
                        new BudgetPeriod.Monthly(budgets.today()),
                        Enforcement.SOFT,
                        null));
            }
        } finally {
            SecurityContextHolder.clearContext();
            securityContexts.clearContext();
        }
    }

    private void signInAsCarol(Page page) {
        page.navigate(url("/budgets"));
        page.waitForURL("**/login");
        page.locator("input[name=username]").fill("carol");
        page.locator("input[name=password]").fill("carol-demo-pass");
        page.locator("input[name=password]").press("Enter");
        page.waitForURL("**/budgets*");
        assertThat(page.locator("#current-user")).containsText("Carol");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

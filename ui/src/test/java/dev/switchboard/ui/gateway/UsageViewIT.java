package dev.switchboard.ui.gateway;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.UserRole;
import dev.switchboard.ui.shell.HomeView;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage view against the real ledger: it refreshes while open, and everyone sees only what
 * {@code UsageController}'s rule lets them see.
 */
@ServedViewTest
class UsageViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    GatewayService gateway;

    @Autowired
    OrgService org;

    @Autowired
    JsonMapper json;

    MockBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = MockBrowser.open(context);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void the_table_picks_up_new_calls_while_open_and_stops_polling_when_left() {
        browser.signInAs("carol", UserRole.FINANCE);
        UI.getCurrent().navigate(UsageView.class);
        UsageGrid grid = grid();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(UsageView.POLL_MILLIS);

        String requestId = call(unitNamed("IT"));
        assertThat(requestIds(grid)).doesNotContain(requestId);

        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(requestIds(grid)).contains(requestId);
        assertThat(_get(Div.class, spec -> spec.withId("usage-totals"))
                        .getElement()
                        .getTextRecursively())
                .contains(" calls · ")
                .contains("wholesale ")
                .contains("margin ");

        ui.navigate(HomeView.class);
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    @Test
    void a_designer_sees_the_usage_of_their_units_only_and_finance_sees_all() {
        OrgUnit marketing = unitNamed("Marketing");
        String inMarketing = call(marketing);
        String inIt = call(unitNamed("IT"));

        browser.signInAs("alice", UserRole.DESIGNER);
        UI.getCurrent().navigate(UsageView.class);
        ComboBox<OrgUnit> unit = _get(ComboBox.class, spec -> spec.withId("usage-unit"));
        assertThat(unit.getValue()).extracting(OrgUnit::id).isEqualTo(marketing.id());
        assertThat(getSuggestionItems(unit))
                .allSatisfy(u -> assertThat(u.id().equals(marketing.id())
                                || org.pathToRoot(u.id()).stream().anyMatch(p -> p.id().equals(marketing.id())))
                        .isTrue());
        assertThat(requestIds(grid())).contains(inMarketing).doesNotContain(inIt);

        browser.close();
        browser = MockBrowser.open(context).signInAs("carol", UserRole.FINANCE);
        UI.getCurrent().navigate(UsageView.class);
        assertThat(requestIds(grid())).contains(inMarketing, inIt);

        enter(_get(ComboBox.class, spec -> spec.withId("usage-provider")), "sim-mid");
        assertThat(requestIds(grid())).doesNotContain(inMarketing, inIt);
        assertThat(_findAll(grid())).allSatisfy(e -> assertThat(e.providerId()).isEqualTo("sim-mid"));
    }

    /** A call charged to {@code unit}, straight through the gateway service (as an API key would). */
    private String call(OrgUnit unit) {
        ConsoleRequest request = new ConsoleRequest("sim-chat", null, "Count to three.", 32, null);
        return gateway.chat(ChargeContext.of(unit.id()), request.toJson(json), null)
                .receipt()
                .requestId();
    }

    private OrgUnit unitNamed(String name) {
        return org.list(false).stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static UsageGrid grid() {
        return _get(UsageGrid.class, spec -> spec.withId("usage-grid"));
    }

    private static List<String> requestIds(UsageGrid grid) {
        return _findAll(grid).stream().map(UsageEntry::requestId).toList();
    }
}

package dev.switchboard.ui.gateway;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.apikey.ApiKey;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.apikey.CreatedApiKey;
import dev.switchboard.apikey.NewApiKey;
import dev.switchboard.org.NewUser;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * My keys against the real {@code ApiKeys} and its access rules: the secret shown once and never
 * listed, revocation after a confirmation, and a refusal the person can understand.
 */
@ServedViewTest
class KeysViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    OrgService org;

    @Autowired
    UserService users;

    MockBrowser browser;
    String suffix;

    @BeforeEach
    void openBrowser() {
        browser = MockBrowser.open(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void a_designer_creates_a_key_sees_the_secret_once_and_the_list_never_shows_it() {
        browser.signInAs("alice", UserRole.DESIGNER);
        openKeys();
        _click(button("create-key"));
        ComboBox<OrgUnit> unit = _get(ComboBox.class, spec -> spec.withId("key-unit"));
        assertThat(unit.getValue().name()).isEqualTo("Marketing");
        enter(_get(TextField.class, spec -> spec.withId("key-name")), "Campaign bot " + suffix);

        _click(button("create-key-save"));

        TextField shown = _get(TextField.class, spec -> spec.withId("key-secret"));
        String secret = shown.getValue();
        assertThat(secret).startsWith("sk-sb-");
        assertThat(shown.isReadOnly()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("key-secret-warning"))
                        .getText())
                .contains("only time the secret is shown");
        // the real secret: the gateway accepts it
        assertThat(apiKeys.authenticate(secret)).isPresent();

        _click(button("secret-done"));

        _assertNoDialogs();
        assertThat(shown.getValue()).isEmpty();
        Grid<ApiKey> grid = keysGrid();
        int row = rowNamed(grid, "Campaign bot " + suffix);
        List<String> cells = _getFormattedRow(grid, row);
        assertThat(cells).contains(secret.substring(0, 10) + "…", "Marketing", "alice");
        assertThat(String.join(" ", cells)).doesNotContain(secret).doesNotContain(secret.substring(10));
        assertThat(_find(_getCellComponent(grid, row, "status"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly("Active");

        // coming back later: the secret is nowhere
        openKeys();
        _assertNone(TextField.class, spec -> spec.withId("key-secret"));
    }

    @Test
    void revoking_asks_first_then_marks_the_key_revoked() {
        browser.signInAs("alice", UserRole.DESIGNER);
        OrgUnit marketing = unitNamed("Marketing");
        CreatedApiKey created = apiKeys.create(new NewApiKey(marketing.id(), null, "Old job " + suffix, null));
        openKeys();
        Grid<ApiKey> grid = keysGrid();
        grid.select(_findAll(grid).get(rowNamed(grid, "Old job " + suffix)));

        _click(button("revoke-key"));
        _click(button("revoke-cancel"));
        assertThat(apiKeys.get(created.key().id()).revokedAt()).isNull();

        _click(button("revoke-key"));
        _click(button("revoke-confirm"));

        assertThat(apiKeys.get(created.key().id()).revokedAt()).isNotNull();
        assertThat(apiKeys.authenticate(created.secret())).isEmpty();
        int row = rowNamed(grid, "Old job " + suffix);
        assertThat(_find(_getCellComponent(grid, row, "status"), Badge.class))
                .extracting(Badge::getText)
                .containsExactly("Revoked");
        grid.select(_findAll(grid).get(row));
        assertThat(button("revoke-key").isEnabled()).isFalse();
    }

    @Test
    void a_designer_who_is_no_longer_a_member_is_told_why_the_key_was_refused() {
        OrgUnit ops = Acting.asAdmin(
                () -> org.create(OrgUnitKind.DEPARTMENT, org.company().id(), "Ops " + suffix));
        User dora = Acting.asAdmin(() -> users.create(new NewUser(
                "dora-" + suffix,
                "Dora Designer",
                null,
                "correct-horse-battery-staple",
                Set.of(UserRole.DESIGNER),
                Set.of(ops.id()))));
        browser.signInAs(dora.username(), UserRole.DESIGNER);
        openKeys();
        _click(button("create-key"));
        ComboBox<OrgUnit> unit = _get(ComboBox.class, spec -> spec.withId("key-unit"));
        // only her own unit is offered
        assertThat(getSuggestionItems(unit)).extracting(OrgUnit::id).containsExactly(ops.id());
        enter(_get(TextField.class, spec -> spec.withId("key-name")), "Too late " + suffix);

        // while the dialog is open, an admin takes her out of the unit
        Acting.asAdmin(() -> users.setMemberships(dora.id(), Set.of()));
        _click(button("create-key-save"));

        assertThat(getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text)
                        .contains("You cannot create keys for 'Ops " + suffix + "'")
                        .contains("not a member"));
        _assertNone(TextField.class, spec -> spec.withId("key-secret"));
        _get(CreateKeyDialog.class);
        assertThat(Acting.asAdmin(() -> apiKeys.list(Optional.of(ops.id())))).isEmpty();
    }

    @Test
    void a_viewer_is_told_who_manages_keys_and_gets_no_buttons() {
        browser.signInAs("vera-viewer", UserRole.VIEWER);
        openKeys();

        assertThat(_get(Paragraph.class, spec -> spec.withId("keys-not-allowed"))
                        .getText())
                .isEqualTo(KeysView.NOT_ALLOWED);
        _assertNone(Button.class, spec -> spec.withId("create-key"));
        _assertNone(Grid.class, spec -> spec.withId("keys-grid"));
    }

    private void openKeys() {
        UI.getCurrent().navigate(KeysView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApiKey> keysGrid() {
        return _get(Grid.class, spec -> spec.withId("keys-grid"));
    }

    private static int rowNamed(Grid<ApiKey> grid, String name) {
        List<ApiKey> keys = _findAll(grid);
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no key named " + name + " in " + keys);
    }

    private OrgUnit unitNamed(String name) {
        return org.list(false).stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}

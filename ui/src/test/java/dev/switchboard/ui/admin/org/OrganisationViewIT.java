package dev.switchboard.ui.admin.org;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.UserRole;
import dev.switchboard.testsupport.BackendTestApplication;
import dev.switchboard.ui.testsupport.MockBrowser;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * The organisation view against the real {@code OrgService} and its method security on the test
 * database: what an admin and a viewer see and can do, and how a refused change is shown.
 */
@SpringBootTest(classes = BackendTestApplication.class)
@ActiveProfiles("test")
class OrganisationViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrgService org;

    MockBrowser browser;
    String suffix;

    @BeforeEach
    void openBrowser() {
        browser = MockBrowser.open(context);
        // the test database lives for a whole run: unique names keep tests independent
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void admin_creates_a_department_under_the_company_and_sees_it_in_the_tree() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        OrgTreeGrid tree = openOrganisation();
        OrgUnit company = tree.getTreeData().getRootItems().getFirst();

        // nothing selected: a new unit goes under the company
        _click(button("add-unit"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("unit-parent")).getText())
                .isEqualTo("Under " + company.name());
        assertThat(_get(Select.class, spec -> spec.withId("unit-kind")).getValue())
                .isEqualTo(OrgUnitKind.DEPARTMENT);
        enter(_get(TextField.class, spec -> spec.withId("unit-name")), "Research " + suffix);
        _click(button("save"));

        _assertNoDialogs();
        OrgUnit created = tree.getTreeData().getChildren(company).stream()
                .filter(unit -> unit.name().equals("Research " + suffix))
                .findFirst()
                .orElseThrow();
        assertThat(created.kind()).isEqualTo(OrgUnitKind.DEPARTMENT);
        assertThat(tree.selected()).contains(created);
        assertThat(org.get(created.id()).parentId()).isEqualTo(company.id());
    }

    @Test
    void rename_with_blank_name_shows_the_error_on_the_field_and_changes_nothing() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        OrgUnit company = org.tree(false).unit();
        OrgUnit legal = org.create(OrgUnitKind.DEPARTMENT, company.id(), "Legal " + suffix);
        OrgTreeGrid tree = openOrganisation();

        tree.select(legal);
        _click(button("rename-unit"));
        TextField name = _get(TextField.class, spec -> spec.withId("unit-name"));
        enter(name, "   ");
        _click(button("save"));

        _expectInvalid(name, "Must not be blank");
        _assertOne(RenameUnitDialog.class);
        assertThat(org.get(legal.id()).name()).isEqualTo("Legal " + suffix);
    }

    @Test
    void viewer_sees_the_tree_but_no_edit_actions() {
        browser.signInAs("vera-viewer", UserRole.VIEWER);
        OrgTreeGrid tree = openOrganisation();

        OrgUnit root = tree.getTreeData().getRootItems().getFirst();
        assertThat(root.kind()).isEqualTo(OrgUnitKind.COMPANY);
        assertThat(tree.getTreeData().getChildren(root)).isNotEmpty();
        for (String action : new String[] {"add-unit", "rename-unit", "move-unit", "archive-unit", "restore-unit"}) {
            _assertNone(Button.class, spec -> spec.withId(action));
        }
        _assertOne(Paragraph.class, spec -> spec.withId("read-only-note"));
        // hiding the buttons is a courtesy; the service is what refuses
        assertThatThrownBy(() -> org.create(OrgUnitKind.DEPARTMENT, root.id(), "Sneaky " + suffix))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void admin_moves_a_team_to_a_department_offered_as_a_possible_parent() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        OrgUnit company = org.tree(false).unit();
        OrgUnit from = org.create(OrgUnitKind.DEPARTMENT, company.id(), "From " + suffix);
        OrgUnit to = org.create(OrgUnitKind.DEPARTMENT, company.id(), "To " + suffix);
        OrgUnit team = org.create(OrgUnitKind.TEAM, from.id(), "Crew " + suffix);
        OrgTreeGrid tree = openOrganisation();

        tree.select(team);
        _click(button("move-unit"));
        ComboBox<OrgUnit> newParent = _get(ComboBox.class, spec -> spec.withId("new-parent"));
        assertThat(getSuggestionItems(newParent)).contains(to).doesNotContain(from, company, team);
        enter(newParent, to);
        _click(button("save"));

        _assertNoDialogs();
        assertThat(org.get(team.id()).parentId()).isEqualTo(to.id());
        assertThat(tree.getTreeData().getParent(tree.selected().orElseThrow()).id())
                .isEqualTo(to.id());
    }

    @Test
    void archiving_a_department_that_still_has_active_teams_is_refused_with_a_notification() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        OrgUnit company = org.tree(false).unit();
        OrgUnit busy = org.create(OrgUnitKind.DEPARTMENT, company.id(), "Busy " + suffix);
        org.create(OrgUnitKind.TEAM, busy.id(), "Still here " + suffix);
        OrgTreeGrid tree = openOrganisation();

        tree.select(busy);
        _click(button("archive-unit"));

        assertThat(getNotifications())
                .extracting(notification -> notification.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).contains("still has active units"));
        assertThat(org.get(busy.id()).archived()).isFalse();
    }

    private OrgTreeGrid openOrganisation() {
        UI.getCurrent().navigate(OrganisationView.class);
        return _get(OrgTreeGrid.class, spec -> spec.withId("org-tree"));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}

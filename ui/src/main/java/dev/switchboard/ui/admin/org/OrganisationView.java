package dev.switchboard.ui.admin.org;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.security.CurrentUser;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * Admin → Organisation: the company, its departments, teams and projects. Everyone signed in may look;
 * platform admins also get the actions. Hiding them is only a courtesy: {@code OrgService} checks the
 * role itself, and its refusal is shown like any other problem.
 */
@Route(value = "admin/organisation", layout = MainLayout.class)
@PageTitle("Organisation | Switchboard")
@PermitAll
public class OrganisationView extends VerticalLayout {

    private final OrgService org;
    private final OrgTreeGrid tree = new OrgTreeGrid();
    private final Checkbox showArchived = new Checkbox("Show archived");
    private final Button add = action("add-unit", "Add unit", this::openAdd);
    private final Button rename = action("rename-unit", "Rename", this::openRename);
    private final Button move = action("move-unit", "Move", this::openMove);
    private final Button archive = action("archive-unit", "Archive", this::archiveSelected);
    private final Button restore = action("restore-unit", "Restore", this::restoreSelected);
    private OrgOutline outline;

    OrganisationView(OrgService org, CurrentUser user) {
        this.org = org;
        showArchived.setId("show-archived");
        showArchived.addValueChangeListener(change -> refresh(null));
        tree.addSelectionListener(selection -> updateActions());
        setSizeFull();
        add(new H2("Organisation"));
        if (user.isPlatformAdmin()) {
            HorizontalLayout toolbar = new HorizontalLayout(add, rename, move, archive, restore, showArchived);
            toolbar.setId("org-actions");
            toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(toolbar);
        } else {
            Paragraph readOnly = new Paragraph("Only platform admins change the organisation; you can look around.");
            readOnly.setId("read-only-note");
            add(new HorizontalLayout(readOnly, showArchived));
        }
        tree.setSizeFull();
        addAndExpand(tree);
        refresh(null);
    }

    /** Reloads the tree from the backend, then selects {@code select} if given (else keeps the selection). */
    private void refresh(OrgUnitId select) {
        try {
            outline = new OrgOutline(org.tree(showArchived.getValue()));
        } catch (SwitchboardException.NotFound noCompanyYet) {
            // only before the first start has finished creating the company
            Toasts.problem("The organisation has not been set up yet.");
            return;
        }
        tree.show(outline, select);
        updateActions();
    }

    private void updateActions() {
        OrgUnit unit = tree.selected().orElse(null);
        boolean active = unit != null && !unit.archived();
        boolean belowCompany = unit != null && unit.kind() != OrgUnitKind.COMPANY;
        add.setEnabled(outline != null && OrgOutline.acceptsChildren(parentForNewUnit()));
        rename.setEnabled(active);
        move.setEnabled(active && belowCompany);
        archive.setEnabled(active && belowCompany);
        restore.setEnabled(unit != null && unit.archived());
    }

    private void openAdd() {
        new AddUnitDialog(org, outline, parentForNewUnit(), saved -> refresh(saved.id())).open();
    }

    /** The selected unit, or the company when nothing is selected: most additions are departments. */
    private OrgUnit parentForNewUnit() {
        return tree.selected().orElse(outline.root());
    }

    private void openRename() {
        tree.selected().ifPresent(unit -> new RenameUnitDialog(org, unit, saved -> refresh(saved.id())).open());
    }

    private void openMove() {
        tree.selected().ifPresent(unit -> new MoveUnitDialog(org, outline, unit, saved -> refresh(saved.id())).open());
    }

    private void archiveSelected() {
        // no confirmation: archiving is undone with Restore, and nothing is deleted
        tree.selected()
                .ifPresent(unit -> change(
                        () -> org.archive(unit.id()),
                        saved -> "Archived '" + saved.name() + "'"
                                + (showArchived.getValue() ? "" : " (tick \"Show archived\" to see it)")));
    }

    private void restoreSelected() {
        tree.selected()
                .ifPresent(unit -> change(() -> org.restore(unit.id()), saved -> "Restored '" + saved.name() + "'"));
    }

    private void change(Supplier<OrgUnit> action, Function<OrgUnit, String> success) {
        OrgUnit saved;
        try {
            saved = action.get();
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        Toasts.success(success.apply(saved));
        refresh(saved.id());
    }

    private static Button action(String id, String text, Runnable onClick) {
        Button button = new Button(text, click -> onClick.run());
        button.setId(id);
        button.setEnabled(false);
        return button;
    }
}

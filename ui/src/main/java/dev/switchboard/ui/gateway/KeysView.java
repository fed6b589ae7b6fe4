package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.apikey.ApiKey;
import dev.switchboard.apikey.ApiKeyStatus;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Gateway → My keys: the API keys of the person's org units (a platform admin's: every key, with a
 * filter by unit). A key's secret is shown once, when it is created; the list never has it. Revoked
 * keys stay listed because the ledger names them.
 */
@Route(value = "gateway/keys", layout = MainLayout.class)
@PageTitle("API keys | Switchboard")
@PermitAll
public class KeysView extends VerticalLayout {

    static final String NOT_ALLOWED = "Only platform admins, designers and operators manage API keys.";

    private final ApiKeys keys;
    private final OrgScopes scopes;
    private final Clock clock;
    private final Grid<ApiKey> grid = new Grid<>(ApiKey.class, false);
    private final ComboBox<OrgUnit> unitFilter = new ComboBox<>("Org unit");
    private final Button revoke = new Button("Revoke", click -> confirmRevoke());
    private OrgScopes.Directory units;

    KeysView(ApiKeys keys, OrgScopes scopes, Clock clock) {
        this.keys = keys;
        this.scopes = scopes;
        this.clock = clock;
        setSizeFull();
        add(new H2("API keys"));
        Paragraph intro = new Paragraph("Keys for the OpenAI-compatible API under /v1 (header \"Authorization: Bearer"
                + " <key>\"). A call made with a key is charged to the key's org unit. The secret is shown once,"
                + " when the key is created.");
        intro.setId("keys-intro");
        add(intro);
        if (!scopes.managesKeys()) {
            Paragraph note = new Paragraph(NOT_ALLOWED);
            note.setId("keys-not-allowed");
            add(note);
            return;
        }
        units = scopes.directory();
        add(toolbar());
        configureGrid();
        addAndExpand(grid);
        refresh();
    }

    private HorizontalLayout toolbar() {
        Button create = new Button("Create key", click -> openCreate());
        create.setId("create-key");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        revoke.setId("revoke-key");
        revoke.setEnabled(false);
        HorizontalLayout toolbar = new HorizontalLayout();
        if (scopes.isAdmin()) {
            unitFilter.setId("keys-unit-filter");
            unitFilter.setPlaceholder("All units");
            unitFilter.setClearButtonVisible(true);
            unitFilter.setItems(units.active());
            unitFilter.setItemLabelGenerator(units::label);
            unitFilter.setWidth("20rem");
            unitFilter.addValueChangeListener(change -> refresh());
            toolbar.add(unitFilter);
        }
        toolbar.add(create, revoke);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("keys-grid");
        grid.addColumn(ApiKey::name).setHeader("Name").setKey("name").setFlexGrow(2);
        grid.addColumn(key -> key.prefix() + "…").setHeader("Key").setKey("prefix");
        grid.addColumn(key -> units.label(key.orgUnitId()))
                .setHeader("Org unit")
                .setKey("orgUnit")
                .setFlexGrow(2);
        grid.addColumn(key -> units.label(key.projectId())).setHeader("Project").setKey("project");
        grid.addComponentColumn(key -> switch (key.statusAt(clock.instant())) {
                    case ACTIVE -> Badges.good(label(ApiKeyStatus.ACTIVE));
                    case REVOKED -> Badges.bad(label(ApiKeyStatus.REVOKED));
                    case EXPIRED -> Badges.neutral(label(ApiKeyStatus.EXPIRED));
                })
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(ApiKey::createdBy).setHeader("Created by").setKey("createdBy");
        grid.addColumn(key -> Formats.time(key.createdAt()))
                .setHeader("Created (UTC)")
                .setKey("createdAt");
        grid.addColumn(key -> key.expiresAt() == null ? "never" : Formats.time(key.expiresAt()))
                .setHeader("Expires (UTC)")
                .setKey("expiresAt");
        grid.addSelectionListener(selection -> updateActions());
    }

    static String label(ApiKeyStatus status) {
        String code = status.code();
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private void refresh() {
        List<ApiKey> shown;
        try {
            shown = keys.list(Optional.ofNullable(unitFilter.getValue()).map(OrgUnit::id));
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            shown = List.of();
        }
        grid.setItems(shown);
        updateActions();
    }

    private void updateActions() {
        Optional<ApiKey> key = selected();
        revoke.setEnabled(key.isPresent() && key.get().statusAt(clock.instant()) == ApiKeyStatus.ACTIVE);
    }

    private Optional<ApiKey> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void openCreate() {
        List<OrgUnit> choices = scopes.keyUnits(units);
        if (choices.isEmpty()) {
            Toasts.problem("You are not a member of any org unit, so there is no unit to charge a key to.");
            return;
        }
        new CreateKeyDialog(keys, units, choices, created -> {
                    refresh();
                    new SecretDialog(created).open();
                })
                .open();
    }

    private void confirmRevoke() {
        ApiKey key = selected().orElse(null);
        if (key == null) {
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Revoke key '" + key.name() + "'?");
        Paragraph what = new Paragraph("Calls with this key stop working at once here and within 30 seconds on every"
                + " node. A revoked key cannot be used again; it stays listed for the usage it was charged.");
        confirm.add(what);
        Button cancel = new Button("Cancel", click -> confirm.close());
        cancel.setId("revoke-cancel");
        Button yes = new Button("Revoke key", click -> {
            confirm.close();
            revoke(key);
        });
        yes.setId("revoke-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.getFooter().add(cancel, yes);
        confirm.open();
    }

    private void revoke(ApiKey key) {
        try {
            keys.revoke(key.id());
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        Toasts.success("Revoked key '" + key.name() + "'");
        refresh();
    }
}

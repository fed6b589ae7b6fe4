package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.apikey.CreatedApiKey;
import dev.switchboard.apikey.NewApiKey;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.FieldErrors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Creates an API key charged to one of the units the person may choose. What the backend refuses
 * keeps the dialog open: a broken rule is shown on its input, a refused unit as a notification that
 * says why.
 */
final class CreateKeyDialog extends Dialog {

    private final ApiKeys keys;
    private final OrgScopes.Directory units;
    private final Consumer<CreatedApiKey> onCreated;
    private final FieldErrors errors = new FieldErrors();
    private final TextField name = new TextField("Name");
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Charged to");
    private final DateTimePicker expiry = new DateTimePicker("Expires (UTC)");

    CreateKeyDialog(ApiKeys keys, OrgScopes.Directory units, List<OrgUnit> choices, Consumer<CreatedApiKey> onCreated) {
        this.keys = keys;
        this.units = units;
        this.onCreated = onCreated;
        setHeaderTitle("Create API key");
        name.setId("key-name");
        name.setMaxLength(NewApiKey.MAX_NAME_LENGTH);
        name.setHelperText("What uses it, e.g. \"Campaign bot (staging)\"");
        unit.setId("key-unit");
        unit.setItems(choices);
        unit.setItemLabelGenerator(units::label);
        unit.setValue(choices.getFirst());
        unit.setHelperText("The org unit whose usage and budget the key's calls count against");
        expiry.setId("key-expiry");
        expiry.setHelperText("Optional: the key stops working at this moment");
        errors.watch(name, "name");
        errors.watch(unit, "orgUnitId", "projectId");
        errors.watch(expiry, "expiresAt");
        FormLayout form = new FormLayout(name, unit, expiry);
        form.setColspan(name, 2);
        add(form);
        Button save = new Button("Create key", click -> save());
        save.setId("create-key-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("create-key-cancel");
        getFooter().add(cancel, save);
        name.focus();
    }

    private void save() {
        errors.clear();
        OrgUnit chargedTo = unit.getValue();
        if (chargedTo == null) {
            FieldErrors.show(unit, "choose the org unit the key's calls are charged to");
            return;
        }
        Instant expiresAt = expiry.isEmpty() ? null : expiry.getValue().toInstant(ZoneOffset.UTC);
        CreatedApiKey created;
        try {
            created = keys.create(new NewApiKey(chargedTo.id(), null, name.getValue(), expiresAt));
        } catch (SwitchboardException.InvalidInput invalid) {
            errors.show(invalid);
            return;
        } catch (AccessDeniedException notMember) {
            Toasts.problem("You cannot create keys for '" + units.label(chargedTo) + "': you are not a member of it"
                    + " or of a unit above it (any more). Ask a platform admin if you should be.");
            return;
        } catch (SwitchboardException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        close();
        onCreated.accept(created);
    }
}

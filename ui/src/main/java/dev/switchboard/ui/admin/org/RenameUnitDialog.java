package dev.switchboard.ui.admin.org;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import java.util.Optional;
import java.util.function.Consumer;

/** Renames the selected unit. */
final class RenameUnitDialog extends UnitDialog {

    private final OrgService org;
    private final OrgUnit unit;
    private final TextField name = new TextField("Name");

    RenameUnitDialog(OrgService org, OrgUnit unit, Consumer<OrgUnit> onSaved) {
        super("Rename '" + unit.name() + "'", onSaved);
        this.org = org;
        this.unit = unit;
        name.setId("unit-name");
        name.setValue(unit.name());
        name.setAutoselect(true);
        name.setWidthFull();
        watch(name);
        add(name);
        name.focus();
    }

    @Override
    protected OrgUnit submit() {
        return org.rename(unit.id(), name.getValue());
    }

    @Override
    protected Optional<HasValidation> fieldFor(String backendField) {
        return "name".equals(backendField) ? Optional.of(name) : Optional.empty();
    }

    @Override
    protected String successMessage(OrgUnit saved) {
        return "Renamed '" + unit.name() + "' to '" + saved.name() + "'";
    }
}

package dev.switchboard.ui.admin.org;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Adds a department, team or project under the selected unit; only kinds allowed there are offered. */
final class AddUnitDialog extends UnitDialog {

    private final OrgService org;
    private final OrgUnit parent;
    private final Select<OrgUnitKind> kind = new Select<>();
    private final TextField name = new TextField("Name");

    AddUnitDialog(OrgService org, OrgOutline outline, OrgUnit parent, Consumer<OrgUnit> onSaved) {
        super("Add unit", onSaved);
        this.org = org;
        this.parent = parent;
        Paragraph under = new Paragraph("Under " + outline.path(parent));
        under.setId("unit-parent");
        List<OrgUnitKind> kinds = OrgOutline.kindsAllowedUnder(parent);
        kind.setId("unit-kind");
        kind.setLabel("Kind");
        kind.setItems(kinds);
        kind.setItemLabelGenerator(OrgLabels::kind);
        kind.setValue(kinds.getFirst());
        name.setId("unit-name");
        name.setWidthFull();
        watch(kind);
        watch(name);
        add(under, kind, name);
        name.focus();
    }

    @Override
    protected OrgUnit submit() {
        return org.create(kind.getValue(), parent.id(), name.getValue());
    }

    @Override
    protected Optional<HasValidation> fieldFor(String backendField) {
        return switch (backendField) {
            case "name" -> Optional.of(name);
            // a placement rule (which kind may sit under the parent) is fixed by choosing another kind
            case "kind", "parentId" -> Optional.of(kind);
            default -> Optional.empty();
        };
    }

    @Override
    protected String successMessage(OrgUnit saved) {
        return "Added " + OrgLabels.kind(saved.kind()).toLowerCase(java.util.Locale.ROOT) + " '" + saved.name() + "'";
    }
}

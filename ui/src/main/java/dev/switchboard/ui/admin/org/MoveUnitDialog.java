package dev.switchboard.ui.admin.org;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Moves the selected unit under another parent, chosen among the places the tree's rules allow. */
final class MoveUnitDialog extends UnitDialog {

    private final OrgService org;
    private final OrgUnit unit;
    private final ComboBox<OrgUnit> newParent = new ComboBox<>("New parent");

    MoveUnitDialog(OrgService org, OrgOutline outline, OrgUnit unit, Consumer<OrgUnit> onSaved) {
        super("Move '" + unit.name() + "'", onSaved);
        this.org = org;
        this.unit = unit;
        Paragraph from = new Paragraph(
                "Now under " + outline.find(unit.parentId()).map(outline::path).orElse("nothing"));
        List<OrgUnit> candidates = outline.possibleNewParents(unit);
        newParent.setId("new-parent");
        newParent.setItems(candidates);
        newParent.setItemLabelGenerator(outline::path);
        newParent.setWidthFull();
        newParent.setPlaceholder(candidates.isEmpty() ? "No other place allows a unit of this kind" : "Choose…");
        newParent.setEnabled(!candidates.isEmpty());
        watch(newParent);
        // nothing to send until a parent is chosen
        save.setEnabled(false);
        newParent.addValueChangeListener(change -> save.setEnabled(change.getValue() != null));
        add(from, newParent);
    }

    @Override
    protected OrgUnit submit() {
        return org.move(unit.id(), newParent.getValue().id());
    }

    @Override
    protected Optional<HasValidation> fieldFor(String backendField) {
        // the parent is the only input here: a name clash under it is also fixed by choosing another
        return Optional.of(newParent);
    }

    @Override
    protected String successMessage(OrgUnit saved) {
        return "Moved '" + saved.name() + "' under '" + newParent.getValue().name() + "'";
    }
}

package dev.switchboard.ui.admin.org;

import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organisation as a tree table: name, kind, status. Reloading keeps what the user had expanded
 * and selected, matched by unit id (a renamed or archived unit is a new record but the same unit).
 */
final class OrgTreeGrid extends TreeGrid<OrgUnit> {

    private OrgOutline shown;

    OrgTreeGrid() {
        setId("org-tree");
        addHierarchyColumn(OrgUnit::name).setHeader("Name").setKey("name").setFlexGrow(3);
        addColumn(unit -> OrgLabels.kind(unit.kind())).setHeader("Kind").setKey("kind");
        addColumn(OrgLabels::status).setHeader("Status").setKey("status");
        // lets styles.css grey out archived rows
        setPartNameGenerator(unit -> unit.archived() ? "sb-archived" : null);
    }

    /** Shows {@code outline}, then selects the unit with id {@code select} (or the previous one). */
    void show(OrgOutline outline, OrgUnitId select) {
        OrgUnitId toSelect =
                select != null ? select : selected().map(OrgUnit::id).orElse(null);
        Set<OrgUnitId> expanded = shown == null
                ? Set.of()
                : shown.all().stream().filter(this::isExpanded).map(OrgUnit::id).collect(Collectors.toSet());
        TreeData<OrgUnit> data = new TreeData<>();
        addWithChildren(data, null, outline.root(), outline);
        setTreeData(data);
        if (shown == null) {
            // first look: the company and its departments open, deeper levels closed
            expandRecursively(List.of(outline.root()), 1);
        } else {
            expand(outline.all().stream()
                    .filter(unit -> expanded.contains(unit.id()))
                    .toList());
        }
        shown = outline;
        deselectAll();
        outline.find(toSelect).ifPresent(unit -> {
            expand(outline.ancestorsOf(unit));
            select(unit);
            // a large tree renders only the rows in view: bring the unit just added or moved into it
            scrollToItem(unit);
        });
    }

    Optional<OrgUnit> selected() {
        return getSelectedItems().stream().findFirst();
    }

    private static void addWithChildren(TreeData<OrgUnit> data, OrgUnit parent, OrgUnit unit, OrgOutline outline) {
        data.addItem(parent, unit);
        outline.childrenOf(unit).forEach(child -> addWithChildren(data, unit, child, outline));
    }
}

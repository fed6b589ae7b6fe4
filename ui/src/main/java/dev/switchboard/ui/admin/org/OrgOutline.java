package dev.switchboard.ui.admin.org;

import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.OrgUnitNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation tree as the view shows it, with the look-ups its dialogs need: paths for labels,
 * which kinds may be added under a unit, and where a unit may be moved. These only shape what the UI
 * offers; the backend checks every rule again when a change is saved.
 */
final class OrgOutline {

    private final OrgUnit root;
    // in tree order (pre-order, children as the backend sorted them), so lists read like the tree
    private final Map<OrgUnitId, OrgUnit> units = new LinkedHashMap<>();
    private final Map<OrgUnitId, List<OrgUnit>> children = new LinkedHashMap<>();

    OrgOutline(OrgUnitNode tree) {
        this.root = tree.unit();
        collect(tree);
    }

    private void collect(OrgUnitNode node) {
        units.put(node.unit().id(), node.unit());
        children.put(
                node.unit().id(),
                node.children().stream().map(OrgUnitNode::unit).toList());
        node.children().forEach(this::collect);
    }

    OrgUnit root() {
        return root;
    }

    List<OrgUnit> all() {
        return List.copyOf(units.values());
    }

    List<OrgUnit> childrenOf(OrgUnit unit) {
        return children.getOrDefault(unit.id(), List.of());
    }

    Optional<OrgUnit> find(OrgUnitId id) {
        return Optional.ofNullable(id).map(units::get);
    }

    /** The unit's ancestors, from the company down to its parent. */
    List<OrgUnit> ancestorsOf(OrgUnit unit) {
        List<OrgUnit> ancestors = new ArrayList<>();
        for (OrgUnit u = parentOf(unit); u != null; u = parentOf(u)) {
            ancestors.add(u);
        }
        Collections.reverse(ancestors);
        return ancestors;
    }

    /** A label that tells same-named units apart, e.g. {@code Acme Corp / Marketing / Content}. */
    String path(OrgUnit unit) {
        List<String> names =
                new ArrayList<>(ancestorsOf(unit).stream().map(OrgUnit::name).toList());
        names.add(unit.name());
        return String.join(" / ", names);
    }

    /** The kinds of unit that may be created directly under {@code parent}. */
    static List<OrgUnitKind> kindsAllowedUnder(OrgUnit parent) {
        return Arrays.stream(OrgUnitKind.values())
                .filter(kind -> kind.mayBeChildOf(parent.kind()))
                .toList();
    }

    /** Whether anything may be added under {@code unit} at all. */
    static boolean acceptsChildren(OrgUnit unit) {
        return !unit.archived() && !kindsAllowedUnder(unit).isEmpty();
    }

    /**
     * Where {@code unit} may go: active units of an allowed parent kind, other than its current parent,
     * itself and its own descendants (moving under those would make a cycle).
     */
    List<OrgUnit> possibleNewParents(OrgUnit unit) {
        return units.values().stream()
                .filter(candidate -> !candidate.archived())
                .filter(candidate -> unit.kind().mayBeChildOf(candidate.kind()))
                .filter(candidate -> !candidate.id().equals(unit.parentId()))
                .filter(candidate -> !isSelfOrBelow(candidate, unit))
                .toList();
    }

    private boolean isSelfOrBelow(OrgUnit candidate, OrgUnit unit) {
        for (OrgUnit u = candidate; u != null; u = parentOf(u)) {
            if (u.id().equals(unit.id())) {
                return true;
            }
        }
        return false;
    }

    private OrgUnit parentOf(OrgUnit unit) {
        return unit.parentId() == null ? null : units.get(unit.parentId());
    }
}

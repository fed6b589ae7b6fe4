package dev.switchboard.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole organisation tree, loaded in one piece (trees have hundreds or a few thousand units), so
 * that every structural rule (one company, allowed parent kinds, no cycles, unique sibling names,
 * nothing active under something archived) is checked in one place before anything is written.
 */
final class OrgTree {

    private static final Comparator<OrgUnit> BY_NAME = Comparator.comparing(
                    (OrgUnit u) -> u.name().toLowerCase(Locale.ROOT))
            .thenComparing(u -> u.id().value());

    private final Map<OrgUnitId, OrgUnit> units = new HashMap<>();

    OrgTree(List<OrgUnit> all) {
        all.forEach(unit -> units.put(unit.id(), unit));
    }

    Optional<OrgUnit> find(OrgUnitId id) {
        return Optional.ofNullable(units.get(id));
    }

    OrgUnit get(OrgUnitId id) {
        return find(id).orElseThrow(() -> new OrgNotFoundException("org unit", id));
    }

    Optional<OrgUnit> company() {
        return units.values().stream()
                .filter(u -> u.kind() == OrgUnitKind.COMPANY)
                .findFirst();
    }

    /** A new unit under {@code parentId}; throws if the placement or the name breaks a rule. */
    OrgUnit create(OrgUnitKind kind, OrgUnitId parentId, String rawName, Instant now) {
        String name = OrgUnitName.normalize(rawName);
        if (kind == OrgUnitKind.COMPANY) {
            if (company().isPresent()) {
                throw new OrgConflictException("the organisation already has a company; create departments under it");
            }
            if (parentId != null) {
                throw new OrgValidationException("parentId", "a company has no parent");
            }
            return new OrgUnit(new OrgUnitId(UUID.randomUUID()), null, kind, name, now, null);
        }
        OrgUnit parent = requireParent(parentId);
        checkPlacement(kind, parent);
        checkNameFree(parent.id(), name, null);
        return new OrgUnit(new OrgUnitId(UUID.randomUUID()), parent.id(), kind, name, now, null);
    }

    OrgUnit rename(OrgUnitId id, String rawName) {
        OrgUnit unit = requireActive(id);
        String name = OrgUnitName.normalize(rawName);
        if (unit.parentId() != null) {
            checkNameFree(unit.parentId(), name, unit.id());
        }
        return new OrgUnit(unit.id(), unit.parentId(), unit.kind(), name, unit.createdAt(), null);
    }

    OrgUnit move(OrgUnitId id, OrgUnitId newParentId) {
        OrgUnit unit = requireActive(id);
        if (unit.kind() == OrgUnitKind.COMPANY) {
            throw new OrgValidationException("parentId", "the company is the root and cannot be moved");
        }
        OrgUnit parent = requireParent(newParentId);
        if (isSelfOrDescendant(parent.id(), unit.id())) {
            throw new OrgValidationException(
                    "parentId", "cannot move '" + unit.name() + "' under itself or one of its descendants");
        }
        checkPlacement(unit.kind(), parent);
        checkNameFree(parent.id(), unit.name(), unit.id());
        return new OrgUnit(unit.id(), parent.id(), unit.kind(), unit.name(), unit.createdAt(), null);
    }

    OrgUnit archive(OrgUnitId id, Instant now) {
        OrgUnit unit = requireActive(id);
        if (unit.kind() == OrgUnitKind.COMPANY) {
            throw new OrgConflictException("the company cannot be archived");
        }
        List<String> activeChildren = children(unit.id()).stream()
                .filter(c -> !c.archived())
                .map(OrgUnit::name)
                .toList();
        if (!activeChildren.isEmpty()) {
            throw new OrgConflictException(
                    "'" + unit.name() + "' still has active units " + activeChildren + "; archive or move them first");
        }
        return new OrgUnit(unit.id(), unit.parentId(), unit.kind(), unit.name(), unit.createdAt(), now);
    }

    OrgUnit restore(OrgUnitId id) {
        OrgUnit unit = get(id);
        if (!unit.archived()) {
            throw new OrgConflictException("'" + unit.name() + "' is not archived");
        }
        OrgUnit parent = get(unit.parentId());
        if (parent.archived()) {
            throw new OrgConflictException("restore '" + parent.name() + "' first: it is archived");
        }
        checkNameFree(parent.id(), unit.name(), unit.id());
        return new OrgUnit(unit.id(), unit.parentId(), unit.kind(), unit.name(), unit.createdAt(), null);
    }

    /** The unit and its ancestors, from the unit up to the company. */
    List<OrgUnit> pathToRoot(OrgUnitId id) {
        List<OrgUnit> path = new ArrayList<>();
        for (OrgUnit u = get(id); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
            path.add(u);
        }
        return path;
    }

    Optional<OrgUnitNode> toNodes(boolean includeArchived) {
        return company().map(root -> node(root, includeArchived));
    }

    private OrgUnitNode node(OrgUnit unit, boolean includeArchived) {
        List<OrgUnitNode> kids = children(unit.id()).stream()
                .filter(c -> includeArchived || !c.archived())
                .map(c -> node(c, includeArchived))
                .toList();
        return new OrgUnitNode(unit, kids);
    }

    private List<OrgUnit> children(OrgUnitId parentId) {
        return units.values().stream()
                .filter(u -> parentId.equals(u.parentId()))
                .sorted(BY_NAME)
                .toList();
    }

    private boolean isSelfOrDescendant(OrgUnitId candidate, OrgUnitId ancestor) {
        for (OrgUnit u = units.get(candidate); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
            if (u.id().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private OrgUnit requireParent(OrgUnitId parentId) {
        if (parentId == null) {
            throw new OrgValidationException("parentId", "is required for everything but the company");
        }
        OrgUnit parent = find(parentId)
                .orElseThrow(() -> new OrgValidationException("parentId", "org unit " + parentId + " does not exist"));
        if (parent.archived()) {
            throw new OrgValidationException("parentId", "'" + parent.name() + "' is archived");
        }
        return parent;
    }

    private OrgUnit requireActive(OrgUnitId id) {
        OrgUnit unit = get(id);
        if (unit.archived()) {
            throw new OrgConflictException("'" + unit.name() + "' is archived; restore it first");
        }
        return unit;
    }

    private static void checkPlacement(OrgUnitKind kind, OrgUnit parent) {
        if (!kind.mayBeChildOf(parent.kind())) {
            throw new OrgValidationException(
                    "parentId",
                    "a " + kind.name().toLowerCase(Locale.ROOT) + " cannot be placed under a "
                            + parent.kind().name().toLowerCase(Locale.ROOT) + " (allowed: "
                            + kind.allowedParents().stream()
                                    .map(k -> k.name().toLowerCase(Locale.ROOT))
                                    .sorted()
                                    .toList()
                            + ")");
        }
    }

    private void checkNameFree(OrgUnitId parentId, String name, OrgUnitId self) {
        boolean taken = children(parentId).stream()
                .anyMatch(c -> !c.archived() && !c.id().equals(self) && c.name().equalsIgnoreCase(name));
        if (taken) {
            throw new OrgValidationException(
                    "name",
                    "'" + name + "' already exists under '" + get(parentId).name() + "'");
        }
    }
}

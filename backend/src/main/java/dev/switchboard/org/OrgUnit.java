package dev.switchboard.org;

import java.time.Instant;
import java.util.Objects;

/**
 * One node of the organisation tree, as the rest of the platform sees it.
 *
 * @param parentId {@code null} only for the company
 * @param archivedAt {@code null} while the unit is active
 */
public record OrgUnit(
        OrgUnitId id, OrgUnitId parentId, OrgUnitKind kind, String name, Instant createdAt, Instant archivedAt) {

    public OrgUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((kind == OrgUnitKind.COMPANY) != (parentId == null)) {
            throw new IllegalArgumentException("exactly the company has no parent");
        }
    }

    public boolean archived() {
        return archivedAt != null;
    }
}

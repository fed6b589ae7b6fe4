package dev.switchboard.org;

import java.util.Set;

/** The levels of the organisation tree and which level may sit under which. */
public enum OrgUnitKind {
    COMPANY,
    DEPARTMENT,
    TEAM,
    PROJECT;

    /** Whether a unit of this kind may be placed directly under a unit of {@code parent} kind. */
    public boolean mayBeChildOf(OrgUnitKind parent) {
        return allowedParents().contains(parent);
    }

    public Set<OrgUnitKind> allowedParents() {
        return switch (this) {
            case COMPANY -> Set.of();
            case DEPARTMENT -> Set.of(COMPANY, DEPARTMENT);
            case TEAM, PROJECT -> Set.of(DEPARTMENT, TEAM);
        };
    }
}

package dev.switchboard.ui.admin.org;

import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;

/** How org unit kinds and states read on screen. */
final class OrgLabels {

    static final String ACTIVE = "active";
    static final String ARCHIVED = "archived";

    private OrgLabels() {}

    static String kind(OrgUnitKind kind) {
        return switch (kind) {
            case COMPANY -> "Company";
            case DEPARTMENT -> "Department";
            case TEAM -> "Team";
            case PROJECT -> "Project";
        };
    }

    static String status(OrgUnit unit) {
        return unit.archived() ? ARCHIVED : ACTIVE;
    }
}

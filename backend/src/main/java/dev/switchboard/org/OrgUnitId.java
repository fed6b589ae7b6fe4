package dev.switchboard.org;

import java.util.Objects;
import java.util.UUID;

/** Identifies an org unit (company, department, team or project). */
public record OrgUnitId(UUID value) {

    public OrgUnitId {
        Objects.requireNonNull(value, "value");
    }

    public static OrgUnitId of(String value) {
        return new OrgUnitId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

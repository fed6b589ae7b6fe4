package dev.switchboard.org;

import dev.switchboard.platform.SwitchboardException;

/** A change to the organisation clashes with its current state (e.g. archiving a unit with children). */
public final class OrgConflictException extends SwitchboardException.Conflict {
    public OrgConflictException(String message) {
        super(message);
    }
}

package dev.switchboard.org;

import dev.switchboard.platform.SwitchboardException;

/** No org unit or user with the given id exists. */
public final class OrgNotFoundException extends SwitchboardException.NotFound {
    public OrgNotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}

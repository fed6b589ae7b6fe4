package dev.switchboard.org;

import dev.switchboard.platform.SwitchboardException;

/** An org unit or user field breaks a rule. */
public final class OrgValidationException extends SwitchboardException.InvalidInput {
    public OrgValidationException(String field, String message) {
        super(field, message);
    }
}

package dev.switchboard.procurement;

import dev.switchboard.platform.SwitchboardException;

/** An account or entry field breaks a rule. */
public final class ProcurementValidationException extends SwitchboardException.InvalidInput {
    public ProcurementValidationException(String field, String message) {
        super(field, message);
    }
}

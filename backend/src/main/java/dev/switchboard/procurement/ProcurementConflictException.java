package dev.switchboard.procurement;

import dev.switchboard.platform.SwitchboardException;

/** The change clashes with the account as it is (e.g. a second account for a provider). */
public final class ProcurementConflictException extends SwitchboardException.Conflict {
    public ProcurementConflictException(String message) {
        super(message);
    }
}

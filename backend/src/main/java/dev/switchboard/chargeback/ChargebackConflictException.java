package dev.switchboard.chargeback;

import dev.switchboard.platform.SwitchboardException;

/** A close clashes with the period's state (already closed, not yet ended). */
public final class ChargebackConflictException extends SwitchboardException.Conflict {
    public ChargebackConflictException(String message) {
        super(message);
    }
}

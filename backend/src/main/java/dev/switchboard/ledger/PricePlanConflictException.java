package dev.switchboard.ledger;

import dev.switchboard.platform.SwitchboardException;

/** A price plan change clashes with the plan's state (archived, in use, name taken, ...). */
public final class PricePlanConflictException extends SwitchboardException.Conflict {
    public PricePlanConflictException(String message) {
        super(message);
    }
}

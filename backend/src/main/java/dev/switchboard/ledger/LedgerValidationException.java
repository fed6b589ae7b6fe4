package dev.switchboard.ledger;

import dev.switchboard.platform.SwitchboardException;

/** A ledger query or markup setting breaks a rule. */
public final class LedgerValidationException extends SwitchboardException.InvalidInput {
    public LedgerValidationException(String field, String message) {
        super(field, message);
    }
}

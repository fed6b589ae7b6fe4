package dev.switchboard.chargeback;

import dev.switchboard.platform.SwitchboardException;

/** A chargeback request breaks a rule (a malformed period, ...). */
public final class ChargebackValidationException extends SwitchboardException.InvalidInput {
    public ChargebackValidationException(String field, String message) {
        super(field, message);
    }
}

package dev.switchboard.chargeback;

import dev.switchboard.platform.SwitchboardException;

/** No closed statement has this id. */
public final class StatementNotFoundException extends SwitchboardException.NotFound {
    public StatementNotFoundException(StatementId id) {
        super("chargeback statement " + id + " does not exist");
    }
}

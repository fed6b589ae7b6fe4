package dev.switchboard.budget;

import dev.switchboard.platform.SwitchboardException;

/** The budget's state does not allow the change (e.g. it is archived). */
public final class BudgetConflictException extends SwitchboardException.Conflict {
    public BudgetConflictException(String message) {
        super(message);
    }
}

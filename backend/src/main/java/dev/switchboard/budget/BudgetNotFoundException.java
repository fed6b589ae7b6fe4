package dev.switchboard.budget;

import dev.switchboard.platform.SwitchboardException;

/** No budget has this id. */
public final class BudgetNotFoundException extends SwitchboardException.NotFound {
    public BudgetNotFoundException(BudgetId id) {
        super("budget " + id + " does not exist");
    }
}

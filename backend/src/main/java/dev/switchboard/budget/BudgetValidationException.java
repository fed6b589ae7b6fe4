package dev.switchboard.budget;

import dev.switchboard.platform.SwitchboardException;

/** A budget's input breaks a rule. */
public final class BudgetValidationException extends SwitchboardException.InvalidInput {
    public BudgetValidationException(String field, String message) {
        super(field, message);
    }
}

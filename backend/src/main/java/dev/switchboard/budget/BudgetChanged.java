package dev.switchboard.budget;

/**
 * A budget was created, raised, lowered, made soft or archived (published inside the changing
 * transaction; listen after commit): what was refused for want of budget may now go through, so work
 * waiting for budget looks again, and calls that fell under no budget may now fall under this one.
 */
public record BudgetChanged(BudgetId budgetId) {}

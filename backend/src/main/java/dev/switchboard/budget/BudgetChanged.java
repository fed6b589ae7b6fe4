package dev.switchboard.budget;

/**
 * A budget was raised, lowered, made soft or archived (published after the change commits): what was
 * refused for want of budget may now go through, so work waiting for budget looks again.
 */
public record BudgetChanged(BudgetId budgetId) {}

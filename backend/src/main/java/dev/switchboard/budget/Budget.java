package dev.switchboard.budget;

import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A spending limit per period on an org unit or an API key, in retail money (what the platform
 * charges its consumers).
 *
 * @param amount the limit of every period
 * @param thresholds percentages of the amount that alert once per period when spend reaches them
 * @param archivedAt {@code null} while the budget applies; archived budgets are kept for history
 */
public record Budget(
        BudgetId id,
        BudgetScope scope,
        String name,
        Money amount,
        BudgetPeriod period,
        Enforcement enforcement,
        List<Integer> thresholds,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt) {

    public Budget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        name = BudgetRules.name(name);
        BudgetRules.amount(amount);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(enforcement, "enforcement");
        thresholds = BudgetRules.thresholds(thresholds);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public boolean hard() {
        return enforcement == Enforcement.HARD;
    }
}

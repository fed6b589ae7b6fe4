package dev.switchboard.budget;

import dev.switchboard.platform.Money;
import java.util.List;
import java.util.Objects;

/**
 * A budget to create.
 *
 * @param thresholds alert percentages; {@code null} for the defaults ({@code
 *     switchboard.budget.default-thresholds}, 50 / 80 / 100), empty for no alerts
 */
public record NewBudget(
        BudgetScope scope,
        String name,
        Money amount,
        BudgetPeriod period,
        Enforcement enforcement,
        List<Integer> thresholds) {

    public NewBudget {
        if (scope == null) {
            throw new BudgetValidationException("orgUnitId", "name exactly one of orgUnitId and apiKeyId");
        }
        name = BudgetRules.name(name);
        BudgetRules.amount(amount);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(enforcement, "enforcement");
        thresholds = thresholds == null ? null : BudgetRules.thresholds(thresholds);
    }
}

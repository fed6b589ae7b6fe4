package dev.switchboard.budget;

import dev.switchboard.platform.Money;
import java.util.List;
import java.util.Objects;

/**
 * What an update may change on a budget. The scope, currency and period stay as created (a different
 * period would start new counters: create a new budget and archive this one). A new amount or
 * enforcement applies to the current period at once.
 */
public record BudgetChange(String name, Money amount, Enforcement enforcement, List<Integer> thresholds) {

    public BudgetChange {
        name = BudgetRules.name(name);
        BudgetRules.amount(amount);
        Objects.requireNonNull(enforcement, "enforcement");
        thresholds = BudgetRules.thresholds(Objects.requireNonNull(thresholds, "thresholds"));
    }
}

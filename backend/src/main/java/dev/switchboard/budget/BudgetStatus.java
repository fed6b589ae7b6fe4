package dev.switchboard.budget;

import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A budget and where its current period stands.
 *
 * @param current {@code null} when the budget has not started yet or is archived
 */
public record BudgetStatus(Budget budget, PeriodUsage current) {

    public BudgetStatus {
        Objects.requireNonNull(budget, "budget");
    }

    /**
     * One period of a budget.
     *
     * @param resetsAt when the next period begins at zero; {@code null} for a one-off budget
     * @param spent settled charges of the period
     * @param reserved held by calls in flight
     */
    public record PeriodUsage(Instant start, Instant resetsAt, Money limit, Money spent, Money reserved) {

        /** What calls may still take: limit − spent − reserved (negative when a soft budget is overrun). */
        public Money remaining() {
            return limit.minus(spent).minus(reserved);
        }
    }
}

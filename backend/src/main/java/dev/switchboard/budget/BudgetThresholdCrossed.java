package dev.switchboard.budget;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Instant;

/**
 * Spend of a budget reached one of its alert thresholds in a period. Published once per budget,
 * period and threshold (the database decides which node publishes), after the settlement that
 * crossed it committed; in-app notifications are posted from it. A node that dies between that
 * commit and publishing leaves the alert to the sweeper, which publishes it again (so a subscriber
 * may, rarely, see one twice: {@link #budgetId()}, {@link #periodStart()} and {@link
 * #thresholdPercent()} identify it).
 *
 * @param orgUnitId the unit the budget belongs to (for a key's budget: the key's unit)
 * @param resetsAt {@code null} for a one-off budget
 */
public record BudgetThresholdCrossed(
        BudgetId budgetId,
        String budgetName,
        BudgetScope scope,
        OrgUnitId orgUnitId,
        int thresholdPercent,
        Money limit,
        Money spent,
        Instant periodStart,
        Instant resetsAt,
        Instant crossedAt) {}

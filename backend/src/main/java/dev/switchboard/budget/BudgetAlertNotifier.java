package dev.switchboard.budget;

import dev.switchboard.notify.Audience;
import dev.switchboard.notify.NewNotification;
import dev.switchboard.notify.Notifications;
import dev.switchboard.notify.Severity;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts the in-app notification of a crossed threshold to the budget's org unit, and marks the alert
 * notified in the same transaction. The notification's dedup key makes a re-published alert (after a
 * crash) post nothing twice.
 */
@Component
class BudgetAlertNotifier {

    private final Notifications notifications;
    private final CounterStore counters;
    private final Clock clock;

    BudgetAlertNotifier(Notifications notifications, JdbcClient jdbc, Clock clock) {
        this.notifications = notifications;
        this.counters = new CounterStore(jdbc);
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(BudgetThresholdCrossed alert) {
        if (alert.orgUnitId() != null) {
            notifications.post(new NewNotification(
                    new Audience.Unit(alert.orgUnitId()),
                    "budget.threshold",
                    alert.thresholdPercent() >= 100 ? Severity.CRITICAL : Severity.WARNING,
                    "Budget '" + alert.budgetName() + "' reached " + alert.thresholdPercent() + " %",
                    "Spent " + alert.spent() + " of " + alert.limit() + " this period"
                            + (alert.resetsAt() == null
                                    ? " (one-off budget)."
                                    : "; it resets at " + alert.resetsAt() + "."),
                    "/api/v1/budgets/" + alert.budgetId(),
                    "budget-alert:" + alert.budgetId() + ":" + alert.periodStart() + ":" + alert.thresholdPercent()));
        }
        counters.markNotified(
                new CounterStore.PeriodKey(alert.budgetId().value(), alert.periodStart()),
                alert.thresholdPercent(),
                clock.instant());
    }
}

package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.Alert;
import dev.switchboard.platform.Money;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns recorded alerts into {@link BudgetThresholdCrossed} events. Runs after the transaction that
 * recorded them committed; a failure here loses nothing, because the alert row stays un-notified and
 * the sweeper publishes it again.
 */
final class AlertPublisher {

    private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);

    private final Engine engine;
    private final PeriodCalendar calendar;

    AlertPublisher(Engine engine) {
        this.engine = engine;
        this.calendar = engine.calendar();
    }

    void publish(List<Alert> alerts) {
        for (Alert alert : alerts) {
            try {
                engine.events().accept(event(alert));
            } catch (RuntimeException e) {
                log.warn(
                        "budget alert {} {} % not published yet; the sweeper retries",
                        alert.key(), alert.threshold(), e);
            }
        }
    }

    private BudgetThresholdCrossed event(Alert alert) {
        BudgetRepository.Row row = engine.budgets()
                .findById(new BudgetId(alert.key().budgetId()))
                .orElseThrow(() -> new IllegalStateException("budget of alert " + alert + " is gone"));
        Budget budget = row.budget();
        var currency = budget.amount().currency();
        return new BudgetThresholdCrossed(
                budget.id(),
                budget.name(),
                budget.scope(),
                row.ownerUnit(),
                alert.threshold(),
                new Money(alert.limit(), currency),
                new Money(alert.spent(), currency),
                alert.key().start(),
                calendar.windowAt(budget.period(), alert.key().start())
                        .map(PeriodCalendar.Window::end)
                        .orElse(null),
                alert.crossedAt());
    }
}

package dev.switchboard.budget;

import dev.switchboard.ledger.UsageLedger;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the reservation engine runs on: one database (through {@code store}, {@code budgets} and
 * {@code ledger}, all on the data source {@code tx} manages), a clock and the settings. Two engines
 * over two data sources behave as two app instances.
 *
 * @param events where crossed thresholds go once their settlement committed
 */
record Engine(
        CounterStore store,
        BudgetRepository budgets,
        UsageLedger ledger,
        TransactionTemplate tx,
        Clock clock,
        BudgetProperties properties,
        Consumer<BudgetThresholdCrossed> events) {

    PeriodCalendar calendar() {
        return new PeriodCalendar(properties.timeZone());
    }
}

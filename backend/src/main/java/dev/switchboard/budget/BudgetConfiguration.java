package dev.switchboard.budget;

import dev.switchboard.ledger.UsageLedger;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The application's {@link BudgetGuard}: on its data source, publishing alerts as Spring events. */
@Configuration(proxyBeanMethods = false)
class BudgetConfiguration {

    @Bean
    BudgetGuard budgetGuard(
            JdbcClient jdbc,
            BudgetRepository budgets,
            UsageLedger ledger,
            PlatformTransactionManager transactions,
            Clock clock,
            BudgetProperties properties,
            ApplicationEventPublisher publisher) {
        return new BudgetGuard(new Engine(
                new CounterStore(jdbc),
                budgets,
                ledger,
                new TransactionTemplate(transactions),
                clock,
                properties,
                publisher::publishEvent));
    }
}

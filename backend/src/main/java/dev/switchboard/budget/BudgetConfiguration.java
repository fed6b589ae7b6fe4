package dev.switchboard.budget;

import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.org.OrgTreeChanged;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's {@link BudgetGuard}: on its data source, publishing alerts as Spring events, and
 * told of this node's budget and org tree changes once they commit.
 */
@Configuration(proxyBeanMethods = false)
class BudgetConfiguration {

    @Bean
    BudgetGuard budgetGuard(
            DataSource dataSource,
            JdbcClient jdbc,
            BudgetRepository budgets,
            UsageLedger ledger,
            PlatformTransactionManager transactions,
            Clock clock,
            BudgetProperties properties,
            ApplicationEventPublisher publisher) {
        return new BudgetGuard(
                new Engine(
                        new CounterStore(jdbc),
                        budgets,
                        ledger,
                        new TransactionTemplate(transactions),
                        clock,
                        properties,
                        publisher::publishEvent),
                dataSource);
    }

    @Bean
    ScopeChanges budgetScopeChanges(BudgetGuard guard) {
        return new ScopeChanges(guard);
    }

    /** Makes the guard forget which calls fall under no budget as soon as this node changes that. */
    static final class ScopeChanges {

        private final BudgetGuard guard;

        ScopeChanges(BudgetGuard guard) {
            this.guard = guard;
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(BudgetChanged event) {
            guard.scopeChanged();
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(OrgTreeChanged event) {
            guard.scopeChanged();
        }
    }
}

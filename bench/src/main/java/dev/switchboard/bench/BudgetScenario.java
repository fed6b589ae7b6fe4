package dev.switchboard.bench;

import dev.switchboard.budget.BudgetExceededException;
import dev.switchboard.budget.BudgetGuard;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Budgets;
import dev.switchboard.budget.Reservation;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One scenario of {@link BudgetBench}: a fresh department and hard budget, the load spread over the
 * given guards (one per simulated node), a watcher on the counter row, and the database's checks.
 */
final class BudgetScenario {

    static final Currency USD = Currency.getInstance("USD");

    /** What every scenario needs from the application. */
    record Setup(JdbcClient jdbc, Budgets budgets, Supplier<OrgUnitId> newDepartment) {}

    /** What a scenario measured and found. */
    record Result(
            String name,
            double pairsPerSecond,
            double p50Millis,
            double p99Millis,
            double operationsPerTransaction,
            long refused,
            long maxOverLimitMicros,
            String check,
            boolean holds) {}

    private final String name;
    private final Setup setup;
    private final List<BudgetGuard> guards;
    private final BudgetBench.Options options;
    private final OrgUnitId department;
    private final BudgetStatus budget;

    BudgetScenario(String name, Setup setup, List<BudgetGuard> guards, BudgetBench.Options options) {
        this.name = name;
        this.setup = setup;
        this.guards = guards;
        this.options = options;
        this.department = setup.newDepartment().get();
        this.budget = BudgetBench.hardBudget(setup.budgets(), department);
    }

    Result run() {
        AtomicLong maxOver = new AtomicLong(Long.MIN_VALUE);
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().name("bench-watcher").start(() -> {
            while (watching.get()) {
                setup.jdbc()
                        .sql(
                                "SELECT spent_micros, reserved_micros, limit_micros FROM budget_period WHERE budget_id = ?")
                        .param(budget.budget().id().value())
                        .query((rs, n) ->
                                Math.max(rs.getLong(1) - rs.getLong(3), rs.getLong(1) + rs.getLong(2) - rs.getLong(3)))
                        .list()
                        .forEach(over -> maxOver.accumulateAndGet(over, Math::max));
                sleep(Duration.ofMillis(5));
            }
        });
        Load.closedLoop(this::pair, options.threads(), options.warmup());
        BudgetGuard.Stats before = total();
        Load.Measurement measured = Load.closedLoop(this::pair, options.threads(), options.duration());
        BudgetGuard.Stats after = total();
        BudgetBench.lower(setup.budgets(), budget, counter()[0]);
        Load.Measurement drained = Load.closedLoop(this::pair, options.threads(), options.exhaust());
        watching.set(false);
        join(watcher);

        long operations = (after.reservations() - before.reservations()) + (after.settlements() - before.settlements());
        long transactions = (after.reserveTransactions() - before.reserveTransactions())
                + (after.settleTransactions() - before.settleTransactions());
        return new Result(
                name,
                measured.perSecond(),
                millis(measured, 50),
                millis(measured, 99),
                transactions == 0 ? 0 : (double) operations / transactions,
                drained.failed(),
                Math.max(0, maxOver.get()),
                check(drained),
                checkHolds(drained) && maxOver.get() <= 0 && measured.failed() == 0);
    }

    /** One gateway call's budget work: reserve the worst case, settle 10-90 % of it. */
    private ChatCalls.Outcome pair() {
        BudgetGuard guard = guards.get((int) (Thread.currentThread().threadId() % guards.size()));
        String requestId = "bench-" + UUID.randomUUID();
        Reservation held;
        try {
            held = guard.reserve(requestId, department, null, USD, BudgetBench.WORST_CASE_MICROS);
        } catch (BudgetExceededException refused) {
            return ChatCalls.Outcome.failed("refused: " + refused.getMessage());
        }
        long actual = ThreadLocalRandom.current().nextLong(1_000, 9_001);
        guard.settle(held, entry(held, actual));
        return new ChatCalls.Outcome(true, -1, requestId, null);
    }

    private UsageEntry entry(Reservation held, long retailMicros) {
        return new UsageEntry(
                held.requestId(),
                Instant.now(),
                null,
                department,
                null,
                "bench-upstream",
                "bench-model",
                500,
                100,
                0,
                0,
                UsageSource.PROVIDER,
                new Money(retailMicros * 5 / 6, USD),
                new Money(retailMicros, USD),
                2000,
                1,
                null,
                CallStatus.OK,
                List.of("bench-upstream"));
    }

    private BudgetGuard.Stats total() {
        return guards.stream()
                .map(BudgetGuard::stats)
                .reduce((a, b) -> new BudgetGuard.Stats(
                        a.reservations() + b.reservations(),
                        a.reserveTransactions() + b.reserveTransactions(),
                        a.settlements() + b.settlements(),
                        a.settleTransactions() + b.settleTransactions()))
                .orElseThrow();
    }

    /** {spent, reserved, limit} of the budget's current period. */
    private long[] counter() {
        return setup.jdbc()
                .sql("SELECT spent_micros, reserved_micros, limit_micros FROM budget_period WHERE budget_id = ?")
                .param(budget.budget().id().value())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
    }

    private long ledgerSum() {
        return setup.jdbc()
                .sql("SELECT coalesce(sum(retail_micros), 0) FROM usage_ledger WHERE org_unit_id = ?")
                .param(department.value())
                .query(Long.class)
                .single();
    }

    private long holds() {
        return setup.jdbc()
                .sql("SELECT count(*) FROM budget_reservation WHERE budget_id = ?")
                .param(budget.budget().id().value())
                .query(Long.class)
                .single();
    }

    private boolean checkHolds(Load.Measurement drained) {
        long[] c = counter();
        return c[0] <= c[2] && c[1] == 0 && holds() == 0 && ledgerSum() == c[0] && drained.failed() > 0;
    }

    private String check(Load.Measurement drained) {
        long[] c = counter();
        return String.format(
                java.util.Locale.ROOT,
                "spent %d <= limit %d: %s; ledger %d = spent: %s; reserved %d, holds %d; drained: %s",
                c[0],
                c[2],
                c[0] <= c[2] ? "yes" : "NO",
                ledgerSum(),
                ledgerSum() == c[0] ? "yes" : "NO",
                c[1],
                holds(),
                drained.failed() > 0 ? "yes" : "NO (never refused)");
    }

    private static double millis(Load.Measurement m, double percentile) {
        return m.latency().getTotalCount() == 0 ? Double.NaN : m.latency().getValueAtPercentile(percentile) / 1000.0;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.switchboard.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.budget.BudgetChange;
import dev.switchboard.budget.BudgetGuard;
import dev.switchboard.budget.BudgetPeriod;
import dev.switchboard.budget.BudgetProperties;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Budgets;
import dev.switchboard.budget.Enforcement;
import dev.switchboard.budget.NewBudget;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.platform.Money;
import dev.switchboard.platform.SwitchboardProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code ./switchboard bench budgets}: reservation + settlement throughput on ONE hot department with a
 * hard budget, real PostgreSQL ({@code switchboard_bench}), 64 closed-loop workers by default (a gateway
 * at 2,000 calls/s with calls lasting seconds has thousands in flight; batches grow with the callers
 * waiting, so fewer workers measure less of what batching does). Each pair is
 * what the gateway does per call: reserve the worst case, then settle the actual charge (ledger row
 * and counters in one transaction). Scenarios, each on a fresh department:
 * <ol>
 *   <li>baseline: batching off, one transaction per reserve and per settle on the caller's thread;
 *   <li>batched: the engine as the application runs it (group commits per node);
 *   <li>two instances: two engines over two connection pools (two app nodes), half the workers each.
 * </ol>
 * Each scenario then lowers the budget to just above what it spent and keeps the load on until it is
 * exhausted, while a watcher reads the counter row; at the end the database must show spent ≤ limit,
 * nothing reserved, no hold left and ledger = spent. Exits with 3 when any check fails.
 */
public final class BudgetBench {

    static final long WORST_CASE_MICROS = 10_000; // $0.01 held per call
    static final long HEADROOM_MICROS = 2_000_000; // what is left when a scenario drains its budget

    private BudgetBench() {}

    /** {@code --warmup=3s --duration=10s --exhaust=3s --threads=64 --flushers=1 --max-batch=256}. */
    record Options(Duration warmup, Duration duration, Duration exhaust, int threads, int flushers, int maxBatch) {
        static Options parse(String[] args) {
            Duration warmup = Duration.ofSeconds(3);
            Duration duration = Duration.ofSeconds(10);
            Duration exhaust = Duration.ofSeconds(3);
            int threads = 64;
            int flushers = 1;
            int maxBatch = 256;
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                if (kv.length != 2 || !arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
                }
                switch (kv[0]) {
                    case "warmup" -> warmup = org.springframework.boot.convert.DurationStyle.detectAndParse(kv[1]);
                    case "duration" -> duration = org.springframework.boot.convert.DurationStyle.detectAndParse(kv[1]);
                    case "exhaust" -> exhaust = org.springframework.boot.convert.DurationStyle.detectAndParse(kv[1]);
                    case "threads" -> threads = Integer.parseInt(kv[1]);
                    case "flushers" -> flushers = Integer.parseInt(kv[1]);
                    case "max-batch" -> maxBatch = Integer.parseInt(kv[1]);
                    default -> throw new IllegalArgumentException("unknown option --" + kv[0] + "\n" + USAGE);
                }
            }
            if (threads < 2 || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("--threads must be at least 2 and --duration positive");
            }
            return new Options(warmup, duration, exhaust, threads, flushers, maxBatch);
        }

        static final String USAGE =
                "Usage: ./switchboard bench budgets [--warmup=3s] [--duration=10s] [--exhaust=3s] [--threads=64]"
                        + " [--flushers=1] [--max-batch=256]";
    }

    public static void main(String[] args) {
        InProcessApp.main(args, Options::parse, BudgetBench::run);
    }

    private static boolean run(Options options, ConfigurableApplicationContext app) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bench", null, List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))));
        SwitchboardProperties.Database db =
                app.getBean(SwitchboardProperties.class).database();
        BudgetScenario.Setup setup = new BudgetScenario.Setup(
                app.getBean(JdbcClient.class), app.getBean(Budgets.class), () -> department(app));
        System.out.printf(
                Locale.ROOT,
                "%n== Switchboard budget benchmark ==%nmachine   %d cores; PostgreSQL %s%n"
                        + "load      %d closed-loop workers, warm-up %s, %s measured, then %s draining the budget%n"
                        + "pair      reserve %d micros worst case on a hard monthly budget, settle 10-90 %% of it%n"
                        + "batching  %d flusher(s) per kind and node, at most %d requests per transaction%n"
                        + "load avg  %.2f at start (the cores are shared with other work)%n%n",
                Runtime.getRuntime().availableProcessors(),
                db.url(),
                options.threads(),
                options.warmup(),
                options.duration(),
                options.exhaust(),
                WORST_CASE_MICROS,
                options.flushers(),
                options.maxBatch(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());

        List<BudgetScenario.Result> results = new ArrayList<>();
        results.add(scenario("baseline: 1 tx per operation", options, db, setup, 1, false));
        results.add(scenario("batched: one node", options, db, setup, 1, true));
        results.add(scenario("batched: two nodes", options, db, setup, 2, true));

        System.out.println();
        System.out.printf(
                "%-30s %10s %9s %9s %9s %10s %10s  %s%n",
                "scenario", "pairs/s", "p50 ms", "p99 ms", "ops/tx", "refused", "max over", "database check");
        boolean allHold = true;
        for (BudgetScenario.Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %10.0f %9.2f %9.2f %9.1f %10d %10d  %s%n",
                    r.name(),
                    r.pairsPerSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.operationsPerTransaction(),
                    r.refused(),
                    r.maxOverLimitMicros(),
                    r.check());
            allHold &= r.holds();
        }
        double baseline = results.getFirst().pairsPerSecond();
        System.out.println();
        for (BudgetScenario.Result r : results.subList(1, results.size())) {
            System.out.printf(Locale.ROOT, "%-30s %.1fx the baseline%n", r.name(), r.pairsPerSecond() / baseline);
        }
        double best = results.subList(1, results.size()).stream()
                .mapToDouble(BudgetScenario.Result::pairsPerSecond)
                .min()
                .orElse(0);
        System.out.printf(
                Locale.ROOT,
                "target    >= 2,000 pairs/s on one hot department with a hard budget: %s (slowest batched %.0f/s)%n",
                best >= 2000 ? "MET" : "MISSED",
                best);
        System.out.printf(
                "guarantee spent never above the limit, ledger = spent, nothing left held: %s%n",
                allHold ? "HELD" : "BROKEN");
        return allHold;
    }

    private static BudgetScenario.Result scenario(
            String name,
            Options options,
            SwitchboardProperties.Database db,
            BudgetScenario.Setup setup,
            int nodes,
            boolean batched) {
        System.out.printf("   running %s ...%n", name);
        List<HikariDataSource> pools = new ArrayList<>();
        List<BudgetGuard> guards = new ArrayList<>();
        BudgetProperties defaults = BudgetProperties.defaults();
        BudgetProperties properties = new BudgetProperties(
                defaults.timeZone(),
                defaults.reservationTtl(),
                defaults.sweepInterval(),
                null,
                new BudgetProperties.Batching(
                        batched,
                        options.maxBatch(),
                        options.flushers(),
                        defaults.batching().timeout(),
                        defaults.batching().queueCapacity()));
        try {
            for (int n = 0; n < nodes; n++) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(db.url());
                config.setUsername(db.username());
                config.setPassword(db.password());
                // unbatched, every worker needs a connection; batched, the flushers and the sweeper do
                config.setMaximumPoolSize(batched ? 4 : options.threads() / nodes + 2);
                config.setPoolName("bench-node-" + n);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                BudgetGuard guard = BudgetGuard.standalone(pool, Clock.systemUTC(), properties, e -> {});
                guard.start();
                guards.add(guard);
            }
            return new BudgetScenario(name, setup, guards, options).run();
        } finally {
            guards.forEach(BudgetGuard::stop);
            pools.forEach(HikariDataSource::close);
        }
    }

    private static OrgUnitId department(ConfigurableApplicationContext app) {
        OrgService org = app.getBean(OrgService.class);
        return org.create(OrgUnitKind.DEPARTMENT, org.company().id(), "Bench " + UUID.randomUUID())
                .id();
    }

    /** Creates the scenario's hard budget (large enough not to run out while measured). */
    static BudgetStatus hardBudget(Budgets budgets, OrgUnitId unit) {
        return budgets.create(new NewBudget(
                new BudgetScope.Unit(unit),
                "bench hard budget",
                Money.ofMicros(1_000_000_000_000L, "USD"),
                new BudgetPeriod.Monthly(budgets.today()),
                Enforcement.HARD,
                null));
    }

    /** Lowers the budget to what it spent plus a little, so the load runs it dry. */
    static void lower(Budgets budgets, BudgetStatus budget, long spentMicros) {
        budgets.update(
                budget.budget().id(),
                new BudgetChange(
                        budget.budget().name(),
                        Money.ofMicros(spentMicros + HEADROOM_MICROS, "USD"),
                        Enforcement.HARD,
                        budget.budget().thresholds()));
    }
}

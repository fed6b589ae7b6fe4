package dev.switchboard.budget;

import static dev.switchboard.budget.BudgetFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.SwitchboardProperties;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.testsupport.TestClock;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * THE guarantee: many concurrent callers on one department with a hard budget (and a hard budget on
 * a team below it), spread over two independent engines with their own connection pools — two app
 * instances sharing the database — never take spent above a limit, at any moment a watcher looks;
 * afterwards the ledger adds up to the counters and no hold is left.
 */
@IntegrationTest
class BudgetGuaranteeIT {

    static final Currency USD = Currency.getInstance("USD");
    static final String MAY = "2031-05-01T00:00:00Z";
    static final int THREADS = 12;
    static final int CALLS_PER_THREAD = 250;

    @Autowired
    SwitchboardProperties properties;

    @Autowired
    OrgService org;

    @Autowired
    Budgets budgets;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    BudgetFixture fixture;
    List<HikariDataSource> pools = new ArrayList<>();
    List<BudgetGuard> guards = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BudgetFixture.signInAsAdmin();
        fixture = new BudgetFixture(org, budgets, keys, jdbc);
        TestClock clock = new TestClock("2031-05-10T10:00:00Z");
        for (int instance = 0; instance < 2; instance++) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(properties.database().url());
            config.setUsername(properties.database().username());
            config.setPassword(properties.database().password());
            config.setMaximumPoolSize(4);
            config.setPoolName("instance-" + instance);
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            BudgetGuard guard = BudgetGuard.standalone(pool, clock, BudgetProperties.defaults(), e -> {});
            guard.start();
            guards.add(guard);
        }
    }

    @AfterEach
    void tearDown() {
        guards.forEach(BudgetGuard::stop);
        pools.forEach(HikariDataSource::close);
        BudgetFixture.signOut();
    }

    record Observation(long spent, long reserved, long limit) {}

    @Test
    void concurrent_callers_on_two_instances_never_take_spend_above_a_hard_limit() throws Exception {
        OrgUnitId department = fixture.department();
        OrgUnitId team = fixture.team(department);
        long departmentLimit = usd(40);
        long teamLimit = usd(25);
        BudgetId onDepartment = fixture.monthly(department, departmentLimit, Enforcement.HARD);
        BudgetId onTeam = fixture.monthly(team, teamLimit, Enforcement.HARD);

        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger charged = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Map<String, Observation> overspent = new ConcurrentHashMap<>();
        AtomicInteger observations = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        Thread watcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                jdbc.sql("SELECT budget_id, spent_micros, reserved_micros, limit_micros FROM budget_period"
                                + " WHERE budget_id IN (?, ?)")
                        .params(onDepartment.value(), onTeam.value())
                        .query((rs, n) -> Map.entry(
                                rs.getString(1), new Observation(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                        .list()
                        .forEach(seen -> {
                            observations.incrementAndGet();
                            Observation o = seen.getValue();
                            if (o.spent() > o.limit() || o.spent() + o.reserved() > o.limit()) {
                                overspent.put(seen.getKey(), o);
                            }
                        });
            }
        });
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            BudgetGuard guard = guards.get(t % 2);
            callers.add(Thread.ofPlatform().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int call = 0; call < CALLS_PER_THREAD; call++) {
                    OrgUnitId unit = random.nextBoolean() ? department : team;
                    long worstCase = random.nextLong(usd(0.5), usd(2));
                    Reservation held;
                    try {
                        held = guard.reserve("req-" + UUID.randomUUID(), unit, null, USD, worstCase);
                    } catch (BudgetExceededException e) {
                        refused.incrementAndGet();
                        continue;
                    } catch (Throwable e) {
                        failures.add(e);
                        continue;
                    }
                    granted.incrementAndGet();
                    try {
                        int outcome = random.nextInt(10);
                        if (outcome == 0) {
                            guard.release(held);
                        } else {
                            long actual = outcome == 1 ? 0 : random.nextLong(0, worstCase / 3 + 1);
                            CallStatus status = outcome == 1 ? CallStatus.UPSTREAM_ERROR : CallStatus.OK;
                            if (guard.settle(held, BudgetFixture.entry(held, unit, actual, status))) {
                                charged.incrementAndGet();
                            }
                            if (outcome == 2) { // a retried settlement, on the other instance
                                guards.get(1 - guards.indexOf(guard))
                                        .settle(held, BudgetFixture.entry(held, unit, actual, status));
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        running.set(false);
        watcher.join();

        assertThat(failures).isEmpty();
        assertThat(overspent).as("a hard budget seen over its limit").isEmpty();
        assertThat(observations.get()).isPositive();
        assertThat(refused.get()).as("the budgets were contended to exhaustion").isPositive();
        assertThat(granted.get()).isPositive();

        long[] departmentCounter = fixture.counter(onDepartment, MAY);
        long[] teamCounter = fixture.counter(onTeam, MAY);
        assertThat(departmentCounter[0]).isLessThanOrEqualTo(departmentLimit).isGreaterThan(departmentLimit / 2);
        assertThat(teamCounter[0]).isLessThanOrEqualTo(teamLimit);
        assertThat(departmentCounter[1]).as("nothing left reserved").isZero();
        assertThat(teamCounter[1]).isZero();
        assertThat(fixture.holdRows(onDepartment) + fixture.holdRows(onTeam)).isZero();
        assertThat(fixture.ledgerRetail(department) + fixture.ledgerRetail(team))
                .as("the ledger adds up to the department's spend")
                .isEqualTo(departmentCounter[0]);
        assertThat(fixture.ledgerRetail(team)).isEqualTo(teamCounter[0]);
        assertThat(ledgerRows(department) + ledgerRows(team))
                .as("one ledger row per first settlement")
                .isEqualTo(charged.get());
        assertThat(guards.get(0).stats().reserveTransactions())
                .as("batching happened")
                .isLessThan(guards.get(0).stats().reservations());
    }

    private long ledgerRows(OrgUnitId unit) {
        return jdbc.sql("SELECT count(*) FROM usage_ledger WHERE org_unit_id = ? AND occurred_at = ?")
                .params(unit.value(), Timestamp.from(BudgetFixture.CALLED_AT))
                .query(Long.class)
                .single();
    }
}

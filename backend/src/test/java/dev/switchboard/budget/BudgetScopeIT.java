package dev.switchboard.budget;

import static dev.switchboard.budget.BudgetFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.testsupport.TestClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Calls under no budget reserve without asking the database once a node knows none applies, and every
 * node stops trusting that as soon as a budget or the org tree changes. The guard here is a node of
 * its own (as another app instance would be); the application's budgets service and org service make
 * the changes, as they would on another node, and its own guard is the node that made them.
 */
@IntegrationTest
class BudgetScopeIT {

    private static final Duration NOTIFIED_WITHIN = Duration.ofSeconds(10);

    @Autowired
    DataSource dataSource;

    @Autowired
    OrgService org;

    @Autowired
    Budgets budgets;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BudgetGuard applicationGuard;

    BudgetFixture fixture;
    BudgetGuard guard;
    final AtomicInteger connectionsTaken = new AtomicInteger();

    @BeforeEach
    void setUp() {
        BudgetFixture.signInAsAdmin();
        fixture = new BudgetFixture(org, budgets, keys, jdbc);
        DataSource counting = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                connectionsTaken.incrementAndGet();
                return super.getConnection();
            }
        };
        guard = BudgetGuard.standalone(
                counting, new TestClock("2031-05-10T10:00:00Z"), BudgetProperties.defaults(), e -> {});
        guard.start();
        await().atMost(NOTIFIED_WITHIN).until(guard::listening);
    }

    @AfterEach
    void tearDown() {
        guard.stop();
        BudgetFixture.signOut();
    }

    @Test
    void once_a_node_knows_no_budget_applies_the_next_calls_reserve_without_the_database() {
        OrgUnitId team = fixture.team(fixture.department());
        UUID key = fixture.key(team);

        assertThat(reserve(guard, team, key).holds()).isEmpty();
        int taken = connectionsTaken.get();
        for (int i = 0; i < 5; i++) {
            assertThat(reserve(guard, team, key).holds()).isEmpty();
        }

        assertThat(connectionsTaken.get())
                .as("connections taken after the first call")
                .isEqualTo(taken);
        assertThat(reserve(guard, team, null).holds()).isEmpty();
        assertThat(connectionsTaken.get())
                .as("the same unit without the key is another target: read once")
                .isEqualTo(taken + 1);
    }

    @Test
    void a_budget_created_on_another_node_is_held_by_this_one_once_the_database_notifies_it() {
        OrgUnitId department = fixture.department();
        OrgUnitId team = fixture.team(department);
        assertThat(reserve(guard, team, null).holds()).isEmpty();
        assertThat(reserve(guard, team, null).holds()).isEmpty(); // known now

        BudgetId budget = fixture.monthly(department, usd(100), Enforcement.HARD);

        await().atMost(NOTIFIED_WITHIN)
                .untilAsserted(() -> assertThat(reserve(guard, team, null).holds())
                        .extracting(Reservation.Hold::budgetId)
                        .containsExactly(budget));
    }

    @Test
    void a_key_budget_created_on_another_node_is_held_once_notified() {
        OrgUnitId department = fixture.department();
        UUID key = fixture.key(department);
        assertThat(reserve(guard, department, key).holds()).isEmpty();

        BudgetId budget = fixture.budget(
                new BudgetScope.Key(key), usd(5), Enforcement.HARD, new BudgetPeriod.Monthly(BudgetFixture.SINCE));

        await().atMost(NOTIFIED_WITHIN)
                .untilAsserted(() -> assertThat(reserve(guard, department, key).holds())
                        .extracting(Reservation.Hold::budgetId)
                        .containsExactly(budget));
    }

    @Test
    void a_unit_moved_under_a_budgeted_unit_is_held_by_every_node_once_notified() {
        OrgUnitId budgeted = fixture.department();
        BudgetId budget = fixture.monthly(budgeted, usd(100), Enforcement.HARD);
        OrgUnitId team = fixture.team(fixture.department());
        assertThat(reserve(guard, team, null).holds()).isEmpty();
        assertThat(reserve(applicationGuard, team, null).holds()).isEmpty();

        org.move(team, budgeted);

        assertThat(reserve(applicationGuard, team, null).holds())
                .as("the node that moved it knows at once")
                .extracting(Reservation.Hold::budgetId)
                .containsExactly(budget);
        await().atMost(NOTIFIED_WITHIN)
                .untilAsserted(() -> assertThat(reserve(guard, team, null).holds())
                        .extracting(Reservation.Hold::budgetId)
                        .containsExactly(budget));
    }

    @Test
    void the_node_that_creates_a_budget_holds_it_from_its_very_next_call() {
        OrgUnitId department = fixture.department();
        assertThat(reserve(applicationGuard, department, null).holds()).isEmpty();
        assertThat(reserve(applicationGuard, department, null).holds()).isEmpty();

        BudgetId budget = fixture.monthly(department, usd(100), Enforcement.HARD);

        assertThat(reserve(applicationGuard, department, null).holds())
                .extracting(Reservation.Hold::budgetId)
                .containsExactly(budget);
    }

    @Test
    void a_node_that_lost_its_listening_connection_forgets_what_it_knew_and_listens_again() {
        OrgUnitId department = fixture.department();
        assertThat(reserve(guard, department, null).holds()).isEmpty();

        // cut every listening connection (this guard's and the application's): a budget made before
        // they listen again is never notified to them
        int cut = jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")
                .param(BudgetScopeListener.APPLICATION_NAME)
                .query(Integer.class)
                .single();
        assertThat(cut).isPositive();
        await().atMost(NOTIFIED_WITHIN).until(() -> !guard.listening());
        BudgetId budget = fixture.monthly(department, usd(100), Enforcement.HARD);

        assertThat(reserve(guard, department, null).holds())
                .as("not listening: the budgets are read")
                .extracting(Reservation.Hold::budgetId)
                .containsExactly(budget);
        await().atMost(NOTIFIED_WITHIN).until(guard::listening);
        assertThat(reserve(guard, department, null).holds())
                .extracting(Reservation.Hold::budgetId)
                .containsExactly(budget);
    }

    private static Reservation reserve(BudgetGuard on, OrgUnitId unit, UUID key) {
        return on.reserve("req-" + UUID.randomUUID(), unit, key, BudgetGuardIT.USD, usd(1));
    }
}

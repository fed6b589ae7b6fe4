package dev.switchboard.budget;

import static dev.switchboard.budget.BudgetFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reserve, settle, release and sweep against the real database, on a guard with a clock of its own. */
@IntegrationTest
class BudgetGuardIT {

    static final Currency USD = Currency.getInstance("USD");
    static final String MAY = "2031-05-01T00:00:00Z";

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

    TestClock clock;
    BudgetFixture fixture;
    BudgetGuard guard;
    List<BudgetThresholdCrossed> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        BudgetFixture.signInAsAdmin();
        clock = new TestClock("2031-05-10T10:00:00Z");
        fixture = new BudgetFixture(org, budgets, keys, jdbc);
        guard = BudgetGuard.standalone(dataSource, clock, BudgetProperties.defaults(), events::add);
        guard.start();
    }

    @AfterEach
    void tearDown() {
        guard.stop();
        BudgetFixture.signOut();
    }

    private Reservation reserve(OrgUnitId unit, UUID key, long micros) {
        return guard.reserve("req-" + UUID.randomUUID(), unit, key, USD, micros);
    }

    @Test
    void a_reservation_holds_on_the_key_the_unit_and_every_unit_above() {
        OrgUnitId department = fixture.department();
        OrgUnitId team = fixture.team(department);
        UUID key = fixture.key(team);
        BudgetId onDepartment = fixture.monthly(department, usd(10), Enforcement.HARD);
        BudgetId onTeam = fixture.monthly(team, usd(5), Enforcement.SOFT);
        BudgetId onKey = fixture.budget(
                new BudgetScope.Key(key), usd(2), Enforcement.HARD, new BudgetPeriod.Monthly(BudgetFixture.SINCE));

        Reservation held = reserve(team, key, usd(1.5));

        assertThat(held.holds())
                .extracting(Reservation.Hold::budgetId)
                .containsExactlyInAnyOrder(onDepartment, onTeam, onKey);
        assertThat(fixture.counter(onDepartment, MAY)).containsExactly(0, usd(1.5));
        assertThat(fixture.counter(onTeam, MAY)).containsExactly(0, usd(1.5));
        assertThat(fixture.counter(onKey, MAY)).containsExactly(0, usd(1.5));
        Reservation.Hold tightest = held.tightest().orElseThrow();
        assertThat(tightest.budgetId()).isEqualTo(onKey);
        assertThat(tightest.remaining()).isEqualTo(Money.ofMicros(usd(0.5), "USD"));
        assertThat(tightest.resetsAt()).isEqualTo(Instant.parse("2031-06-01T00:00:00Z"));
        assertThat(fixture.holdRows(onKey)).isEqualTo(1);
    }

    @Test
    void a_call_without_budgets_holds_nothing_and_still_settles_into_the_ledger() {
        OrgUnitId department = fixture.department();

        Reservation held = reserve(department, null, usd(3));

        assertThat(held.holds()).isEmpty();
        assertThat(guard.settle(held, BudgetFixture.entry(held, department, usd(1), CallStatus.OK)))
                .isTrue();
        assertThat(fixture.ledgerRetail(department)).isEqualTo(usd(1));
        assertThat(guard.settle(held, BudgetFixture.entry(held, department, usd(1), CallStatus.OK)))
                .as("settled again: its row is there, nothing is written twice")
                .isFalse();
        assertThat(fixture.ledgerRetail(department)).isEqualTo(usd(1));
    }

    @Test
    void every_field_of_a_settled_call_reaches_its_ledger_row_as_given() {
        OrgUnitId department = fixture.department();
        Reservation held = reserve(department, null, usd(3));
        UUID key = UUID.randomUUID();
        // provider ids are free text: quotes, backslashes, commas and braces must survive the array
        List<String> chain = List.of("sim-\"flaky\"", "back\\slash", "a,b", "{braced}", "sim-fast");
        UsageEntry entry = new UsageEntry(
                held.requestId(),
                Instant.parse("2031-05-10T09:59:58.123456Z"),
                key,
                department,
                department,
                "sim-fast",
                "model-ü",
                1200,
                340,
                200,
                56,
                UsageSource.TOKENIZER,
                Money.ofMicros(1_111, "USD"),
                Money.ofMicros(1_333, "USD"),
                2000,
                789,
                45L,
                CallStatus.STREAM_CUT,
                chain,
                "run-1",
                "step-2",
                null);

        assertThat(guard.settle(held, entry)).isTrue();

        Map<String, Object> row = jdbc.sql("SELECT * FROM usage_ledger WHERE request_id = ?")
                .param(held.requestId())
                .query()
                .singleRow();
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(entry.occurredAt());
        assertThat(row.get("api_key_id")).isEqualTo(key);
        assertThat(row.get("org_unit_id")).isEqualTo(department.value());
        assertThat(row.get("project_id")).isEqualTo(department.value());
        assertThat(row)
                .containsEntry("provider_id", "sim-fast")
                .containsEntry("model", "model-ü")
                .containsEntry("input_tokens", 1200L)
                .containsEntry("output_tokens", 340L)
                .containsEntry("cached_tokens", 200L)
                .containsEntry("reasoning_tokens", 56L)
                .containsEntry("usage_source", "TOKENIZER")
                .containsEntry("currency", "USD")
                .containsEntry("wholesale_micros", 1_111L)
                .containsEntry("retail_micros", 1_333L)
                .containsEntry("markup_bps", 2000)
                .containsEntry("latency_ms", 789L)
                .containsEntry("ttft_ms", 45L)
                .containsEntry("status", "STREAM_CUT")
                .containsEntry("workflow_run_id", "run-1")
                .containsEntry("step_id", "step-2")
                .containsEntry("price_plan_id", null);
        String[] stored = jdbc.sql("SELECT fallback_chain FROM usage_ledger WHERE request_id = ?")
                .param(held.requestId())
                .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                .single();
        assertThat(stored).containsExactlyElementsOf(chain);
    }

    @Test
    void a_hard_budget_refuses_what_could_take_it_over_and_then_nothing_is_held_anywhere() {
        OrgUnitId department = fixture.department();
        OrgUnitId team = fixture.team(department);
        BudgetId onDepartment = fixture.monthly(department, usd(10), Enforcement.HARD);
        BudgetId onTeam = fixture.monthly(team, usd(100), Enforcement.HARD);
        reserve(team, null, usd(6));

        assertThatThrownBy(() -> reserve(team, null, usd(5)))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.budgetId()).isEqualTo(onDepartment);
                    assertThat(e.limit()).isEqualTo(Money.ofMicros(usd(10), "USD"));
                    assertThat(e.remaining()).isEqualTo(Money.ofMicros(usd(4), "USD"));
                    assertThat(e.requested()).isEqualTo(Money.ofMicros(usd(5), "USD"));
                    assertThat(e.resetsAt()).isEqualTo(Instant.parse("2031-06-01T00:00:00Z"));
                    assertThat(e.scope()).isEqualTo(new BudgetScope.Unit(department));
                    assertThat(e.getMessage()).contains(e.budgetName(), "4.000000 USD", "2031-06-01T00:00:00Z");
                });
        assertThat(fixture.counter(onDepartment, MAY)).containsExactly(0, usd(6));
        assertThat(fixture.counter(onTeam, MAY)).containsExactly(0, usd(6));
        assertThat(reserve(team, null, usd(4)).holds()).hasSize(2); // exactly up to the limit fits
    }

    @Test
    void a_soft_budget_never_refuses() {
        OrgUnitId department = fixture.department();
        BudgetId soft = fixture.monthly(department, usd(1), Enforcement.SOFT);

        Reservation held = reserve(department, null, usd(5));

        assertThat(held.tightest().orElseThrow().remaining()).isEqualTo(Money.ofMicros(-usd(4), "USD"));
        assertThat(fixture.counter(soft, MAY)).containsExactly(0, usd(5));
    }

    @Test
    void settling_charges_the_actual_cost_and_releases_the_rest() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        Reservation held = reserve(department, null, usd(6));

        boolean recorded = guard.settle(held, BudgetFixture.entry(held, department, usd(2.5), CallStatus.OK));

        assertThat(recorded).isTrue();
        assertThat(fixture.counter(budget, MAY)).containsExactly(usd(2.5), 0);
        assertThat(fixture.holdRows(budget)).isZero();
        assertThat(fixture.ledgerRetail(department)).isEqualTo(usd(2.5));
        assertThat(reserve(department, null, usd(7.5)).holds()).hasSize(1);
        assertThatThrownBy(() -> reserve(department, null, 1)).isInstanceOf(BudgetExceededException.class);
    }

    @Test
    void a_settlement_does_not_wait_for_a_hold_the_sweeper_is_releasing_and_leaves_it_to_the_sweeper()
            throws Exception {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        Reservation held = reserve(department, null, usd(6));

        var settling = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        try (java.sql.Connection sweeper = dataSource.getConnection()) {
            sweeper.setAutoCommit(false);
            try (var lock =
                    sweeper.prepareStatement("SELECT 1 FROM budget_reservation WHERE reservation_id = ? FOR UPDATE")) {
                lock.setObject(1, held.id());
                lock.executeQuery().close();
            }
            // waiting here for the sweeper's lock is how the two could deadlock (they lock in other orders)
            var settled = settling.submit(
                    () -> guard.settle(held, BudgetFixture.entry(held, department, usd(2.5), CallStatus.OK)));
            assertThat(settled.get(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(fixture.counter(budget, MAY)).containsExactly(usd(2.5), usd(6));
            try (var delete = sweeper.prepareStatement("DELETE FROM budget_reservation WHERE reservation_id = ?")) {
                delete.setObject(1, held.id());
                delete.executeUpdate();
            }
            sweeper.commit(); // (the real sweeper takes the hold off the counter in this transaction)
        } finally {
            settling.close(); // after the lock is gone: a settlement still waiting for it finishes
        }
        assertThat(fixture.holdRows(budget)).isZero();
        assertThat(fixture.ledgerRetail(department)).isEqualTo(usd(2.5));
    }

    @Test
    void settling_the_same_call_twice_charges_once() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        Reservation held = reserve(department, null, usd(3));

        assertThat(guard.settle(held, BudgetFixture.entry(held, department, usd(2), CallStatus.OK)))
                .isTrue();
        assertThat(guard.settle(held, BudgetFixture.entry(held, department, usd(2), CallStatus.OK)))
                .isFalse();

        assertThat(fixture.counter(budget, MAY)).containsExactly(usd(2), 0);
        assertThat(fixture.ledgerRetail(department)).isEqualTo(usd(2));
    }

    @Test
    void a_failed_call_settles_its_zero_charge_and_releases_everything() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        Reservation held = reserve(department, null, usd(3));

        guard.settle(held, BudgetFixture.entry(held, department, 0, CallStatus.UPSTREAM_ERROR));

        assertThat(fixture.counter(budget, MAY)).containsExactly(0, 0);
        assertThat(jdbc.sql("SELECT status FROM usage_ledger WHERE request_id = ?")
                        .param(held.requestId())
                        .query(String.class)
                        .single())
                .isEqualTo("UPSTREAM_ERROR");
    }

    @Test
    void release_frees_the_hold_once() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        Reservation first = reserve(department, null, usd(3));
        reserve(department, null, usd(4));

        guard.release(first);
        guard.release(first);

        assertThat(fixture.counter(budget, MAY)).containsExactly(0, usd(4));
        assertThat(fixture.ledgerRetail(department)).isZero();
    }

    @Test
    void expired_holds_are_swept_and_a_late_settlement_is_still_charged_once() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        Reservation held = reserve(department, null, usd(6));
        clock.advance(Duration.ofMinutes(9));
        Reservation younger = reserve(department, null, usd(1));

        clock.advance(Duration.ofMinutes(2)); // the first hold is 11 minutes old, the default TTL is 10
        guard.sweep();

        assertThat(fixture.counter(budget, MAY)).containsExactly(0, usd(1));
        assertThat(younger.expiresAt()).isAfter(clock.instant());
        guard.settle(held, BudgetFixture.entry(held, department, usd(2), CallStatus.OK));
        assertThat(fixture.counter(budget, MAY)).containsExactly(usd(2), usd(1)); // reserved not taken off twice
        assertThat(fixture.holdRows(budget)).isEqualTo(1);
    }

    @Test
    void a_new_period_starts_at_zero_at_the_zones_midnight() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        clock.set("2031-05-31T23:59:59.999Z");
        Reservation may = reserve(department, null, usd(8));
        guard.settle(may, BudgetFixture.entry(may, department, usd(8), CallStatus.OK));
        assertThatThrownBy(() -> reserve(department, null, usd(3))).isInstanceOf(BudgetExceededException.class);

        clock.set("2031-06-01T00:00:00Z");
        Reservation june = reserve(department, null, usd(9));

        assertThat(june.holds().getFirst().periodStart()).isEqualTo(Instant.parse("2031-06-01T00:00:00Z"));
        assertThat(fixture.counter(budget, MAY)).containsExactly(usd(8), 0);
        assertThat(fixture.counter(budget, "2031-06-01T00:00:00Z")).containsExactly(0, usd(9));
    }

    @Test
    void the_first_call_of_a_period_creates_its_counter_before_waiting_for_the_lock_on_an_existing_one()
            throws Exception {
        OrgUnitId department = fixture.department();
        BudgetId existing = fixture.monthly(department, usd(10), Enforcement.HARD);
        reserve(department, null, usd(1)); // its May counter now exists
        BudgetId added = fixture.monthly(department, usd(10), Enforcement.HARD); // its May counter does not

        var reserving = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock =
                    other.prepareStatement("SELECT 1 FROM budget_period WHERE budget_id = ? FOR NO KEY UPDATE")) {
                lock.setObject(1, existing.value());
                lock.executeQuery().close();
            }
            var held = reserving.submit(() -> reserve(department, null, usd(2)));
            // Creating the new counter while holding the existing one's lock is how two batches could
            // deadlock (the other one having created it first and now waiting for that lock).
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(jdbc.sql("SELECT count(*) FROM budget_period WHERE budget_id = ?")
                                    .param(added.value())
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(1));
            assertThat(held).isNotDone(); // it waits for the existing counter, holding nothing
            other.rollback();
            assertThat(held.get(20, java.util.concurrent.TimeUnit.SECONDS).holds())
                    .hasSize(2);
        } finally {
            reserving.close();
        }
        assertThat(fixture.counter(existing, MAY)).containsExactly(0, usd(3));
        assertThat(fixture.counter(added, MAY)).containsExactly(0, usd(2));
    }

    @Test
    void a_hold_is_charged_to_the_period_it_was_reserved_in() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        clock.set("2031-05-31T23:59:00Z");
        Reservation spanningMidnight = reserve(department, null, usd(3));

        clock.set("2031-06-01T00:01:00Z");
        guard.settle(spanningMidnight, BudgetFixture.entry(spanningMidnight, department, usd(2), CallStatus.OK));

        assertThat(fixture.counter(budget, MAY)).containsExactly(usd(2), 0);
        assertThat(fixture.counter(budget, "2031-06-01T00:00:00Z")).containsExactly(0, 0);
    }

    @Test
    void a_budget_that_has_not_started_or_is_archived_does_not_apply() {
        OrgUnitId department = fixture.department();
        fixture.budget(
                new BudgetScope.Unit(department),
                1,
                Enforcement.HARD,
                new BudgetPeriod.Monthly(LocalDate.of(2031, 6, 1)));
        BudgetId archived = fixture.monthly(department, 1, Enforcement.HARD);
        budgets.archive(archived);

        assertThat(reserve(department, null, usd(5)).holds()).isEmpty();
    }

    @Test
    void a_hard_budget_in_another_currency_refuses_rather_than_go_unchecked() {
        OrgUnitId department = fixture.department();
        budgets.create(new NewBudget(
                new BudgetScope.Unit(department),
                "euro budget",
                Money.ofMicros(usd(100), "EUR"),
                new BudgetPeriod.Monthly(BudgetFixture.SINCE),
                Enforcement.HARD,
                null));

        assertThatThrownBy(() -> reserve(department, null, usd(1)))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void lowering_the_amount_applies_to_the_current_period_at_once() {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        reserve(department, null, usd(4));

        budgets.update(
                budget, new BudgetChange("lowered", Money.ofMicros(usd(5), "USD"), Enforcement.HARD, List.of(80)));

        assertThatThrownBy(() -> reserve(department, null, usd(2))).isInstanceOf(BudgetExceededException.class);
        assertThat(reserve(department, null, usd(1)).holds()).hasSize(1);
    }
}

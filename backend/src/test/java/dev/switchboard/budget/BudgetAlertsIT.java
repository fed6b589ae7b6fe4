package dev.switchboard.budget;

import static dev.switchboard.budget.BudgetFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Thresholds alert once per period: an event and an in-app notification for the budget's unit. */
@IntegrationTest
class BudgetAlertsIT {

    static final Currency USD = Currency.getInstance("USD");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEventPublisher publisher;

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
    AtomicBoolean crashBeforePublishing = new AtomicBoolean();

    @BeforeEach
    void setUp() {
        BudgetFixture.signInAsAdmin();
        clock = new TestClock("2031-05-10T10:00:00Z");
        fixture = new BudgetFixture(org, budgets, keys, jdbc);
        guard = BudgetGuard.standalone(dataSource, clock, BudgetProperties.defaults(), event -> {
            if (crashBeforePublishing.get()) {
                throw new IllegalStateException("simulated crash before the event went out");
            }
            events.add(event);
            publisher.publishEvent(event); // the application's notifier posts the notification
        });
        guard.start();
    }

    @AfterEach
    void tearDown() {
        guard.stop();
        BudgetFixture.signOut();
    }

    private void spend(OrgUnitId unit, double dollars) {
        Reservation held = guard.reserve("req-" + UUID.randomUUID(), unit, null, USD, usd(dollars));
        guard.settle(held, BudgetFixture.entry(held, unit, usd(dollars), CallStatus.OK));
    }

    private void spendMicros(OrgUnitId unit, long micros) {
        Reservation held = guard.reserve("req-" + UUID.randomUUID(), unit, null, USD, micros);
        guard.settle(held, BudgetFixture.entry(held, unit, micros, CallStatus.OK));
    }

    private List<Integer> notified(BudgetId budget) {
        return jdbc.sql("SELECT threshold_percent FROM budget_alert WHERE budget_id = ? AND notified_at IS NOT NULL"
                        + " ORDER BY period_start, threshold_percent")
                .param(budget.value())
                .query(Integer.class)
                .list();
    }

    private long notifications(OrgUnitId unit) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE org_unit_id = ? AND kind = 'budget.threshold'")
                .param(unit.value())
                .query(Long.class)
                .single();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }

    @Test
    void each_threshold_alerts_once_per_period() throws Exception {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(100), Enforcement.SOFT);

        spend(department, 49);
        spend(department, 1); // 50 %
        spend(department, 29); // 79 %
        spend(department, 2); // 81 %
        spend(department, 30); // 111 %: 100 %
        spend(department, 30); // nothing new
        await(() -> notified(budget).size() == 3);

        assertThat(events).extracting(BudgetThresholdCrossed::thresholdPercent).containsExactly(50, 80, 100);
        BudgetThresholdCrossed fifty = events.getFirst();
        assertThat(fifty.budgetId()).isEqualTo(budget);
        assertThat(fifty.orgUnitId()).isEqualTo(department);
        assertThat(fifty.spent()).isEqualTo(Money.ofMicros(usd(50), "USD"));
        assertThat(fifty.limit()).isEqualTo(Money.ofMicros(usd(100), "USD"));
        assertThat(fifty.periodStart()).isEqualTo(Instant.parse("2031-05-01T00:00:00Z"));
        assertThat(fifty.resetsAt()).isEqualTo(Instant.parse("2031-06-01T00:00:00Z"));
        assertThat(notifications(department)).isEqualTo(3);

        clock.set("2031-06-02T00:00:00Z");
        spend(department, 60);
        await(() -> notified(budget).size() == 4);
        assertThat(events).extracting(BudgetThresholdCrossed::thresholdPercent).containsExactly(50, 80, 100, 50);
    }

    @Test
    void a_threshold_alerts_at_exactly_its_amount_and_one_settlement_can_cross_several() throws Exception {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(100), Enforcement.SOFT);

        spendMicros(department, usd(50) - 1); // one micro short of 50 %
        spendMicros(department, 1); // exactly 50 %
        spendMicros(department, usd(55)); // 105 %: 80 and 100 in one settlement
        await(() -> notified(budget).size() == 3);

        assertThat(events).extracting(BudgetThresholdCrossed::thresholdPercent).containsExactly(50, 80, 100);
        assertThat(events.get(1).spent()).isEqualTo(Money.ofMicros(usd(105), "USD"));
    }

    @Test
    void threshold_arithmetic_is_exact_for_amounts_whose_percentages_overflow_a_long() throws Exception {
        OrgUnitId department = fixture.department();
        long limit = Long.MAX_VALUE / 10; // spent * 100 does not fit in a long
        BudgetId budget = fixture.monthly(department, limit, Enforcement.SOFT);

        spendMicros(department, limit / 2 - 1);
        spendMicros(department, 1);
        await(() -> notified(budget).size() == 1);

        assertThat(events).extracting(BudgetThresholdCrossed::thresholdPercent).containsExactly(50);
    }

    @Test
    void an_alert_a_crashed_node_did_not_publish_is_published_by_the_sweeper_once() throws Exception {
        OrgUnitId department = fixture.department();
        BudgetId budget = fixture.monthly(department, usd(10), Enforcement.HARD);
        crashBeforePublishing.set(true);
        spend(department, 9);
        Thread.sleep(200); // let the lost publication happen
        assertThat(notified(budget)).isEmpty();

        crashBeforePublishing.set(false);
        guard.republishAlerts(); // too young: the node that recorded it may still be publishing
        clock.advance(Duration.ofMinutes(2));
        guard.republishAlerts();
        await(() -> notified(budget).size() == 2);
        guard.republishAlerts();
        Thread.sleep(200);

        // (the sweep also re-published what earlier tests' guards left un-notified: other budgets)
        assertThat(events.stream().filter(e -> e.budgetId().equals(budget)))
                .extracting(BudgetThresholdCrossed::thresholdPercent)
                .containsExactly(50, 80);
        assertThat(notifications(department)).isEqualTo(2);
    }

    @Test
    void the_units_people_see_the_alert_and_mark_it_read_for_themselves() throws Exception {
        OrgUnitId marketing = org.list(false).stream() // alice is a member
                .filter(u -> u.name().equals("Marketing"))
                .findFirst()
                .orElseThrow()
                .id();
        BudgetId budget = fixture.monthly(marketing, usd(10), Enforcement.SOFT);
        try {
            spend(marketing, 5); // in May 2031 by this guard's clock: no other test's period
            await(() -> notified(budget).size() == 1);
        } finally {
            budgets.archive(budget);
        }
        ApiClient alice = ApiClient.as(port, "alice", "alice-demo-pass");
        ApiClient bob = ApiClient.as(port, "bob", "bob-demo-pass"); // IT
        String link = "/api/v1/budgets/" + budget;

        Response mine = alice.get("/api/v1/notifications?unreadOnly=true&limit=500");
        assertThat(mine.status()).isEqualTo(200);
        String id = mine.json()
                .valueStream()
                .filter(n -> n.path("link").asString().equals(link))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        assertThat(bob.get("/api/v1/notifications?orgUnitId=" + marketing).status())
                .isEqualTo(403);
        assertThat(bob.post("/api/v1/notifications/" + id + "/read", null).status())
                .isEqualTo(404);

        Response read = alice.post("/api/v1/notifications/" + id + "/read", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("read").asBoolean()).isTrue();
        assertThat(alice.get("/api/v1/notifications?unreadOnly=true&limit=500")
                        .json()
                        .valueStream()
                        .noneMatch(n -> n.path("id").asString().equals(id)))
                .isTrue();
        Response forAdmin = ApiClient.asMaster(port).get("/api/v1/notifications?limit=500&orgUnitId=" + marketing);
        assertThat(forAdmin.json()
                        .valueStream()
                        .filter(n -> n.path("link").asString().equals(link)))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.path("read").asBoolean()).isFalse(); // read marks are per reader
                    assertThat(n.path("severity").asString()).isEqualTo("warning");
                    assertThat(n.path("title").asString()).contains("50 %");
                });
    }
}

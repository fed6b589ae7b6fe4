package dev.switchboard.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.ledger.UsageReport;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Statements over real HTTP and the real ledger, with a clock the tests set (UTC, monthly periods). The
 * context is closed afterwards: nothing else uses it, and its connections are better given back to the
 * shared database.
 */
@IntegrationTest
@Import(ChargebackIT.FixedTime.class)
@DirtiesContext
class ChargebackIT {

    /** Only this class's context gets a settable clock (a separate cached context). */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedTime {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    static final Instant NOV_20 = Instant.parse("2026-11-20T12:00:00Z");
    static final Instant DEC_2 = Instant.parse("2026-12-02T09:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transactions;

    ApiClient admin;
    ApiClient carol;
    ApiClient alice;
    ApiClient bob;
    Map<String, String> units;
    String team;

    @BeforeEach
    void setUp() {
        clock.set(NOV_20);
        transactions = new TransactionTemplate(transactionManager);
        admin = ApiClient.asMaster(port);
        carol = ApiClient.as(port, "carol", "carol-demo-pass"); // finance
        alice = ApiClient.as(port, "alice", "alice-demo-pass"); // designer, Marketing
        bob = ApiClient.as(port, "bob", "bob-demo-pass"); // operator, IT
        units = new HashMap<>();
        admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .forEach(u -> units.putIfAbsent(
                        u.path("name").asString(), u.path("id").asString()));
        // under Marketing's Content team: other tests pin the departments and Marketing's teams
        team = unit("TEAM", units.get("Content"), "chargeback-" + UUID.randomUUID());
    }

    String unit(String kind, String parent, String name) {
        Response created = admin.post("/api/v1/org-units", Map.of("kind", kind, "parentId", parent, "name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    /** Records a call of {@code unit} that occurred at {@code at}; input 100 (10 cached), output 20. */
    void record(String unit, String project, String model, String provider, UUID key, Instant at, long w, long r) {
        boolean written = ledger.record(new UsageEntry(
                "req-" + UUID.randomUUID(),
                at,
                key,
                OrgUnitId.of(unit),
                project == null ? null : OrgUnitId.of(project),
                provider,
                model,
                100,
                20,
                10,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(w, "USD"),
                Money.ofMicros(r, "USD"),
                2000,
                50,
                null,
                CallStatus.OK,
                provider == null ? List.of() : List.of(provider)));
        assertThat(written).isTrue();
    }

    Response statement(ApiClient client, String unit, String period) {
        return client.get("/api/v1/chargeback/statements?orgUnit=" + unit + "&period=" + period);
    }

    Response close(ApiClient client, String unit, String period) {
        return client.post("/api/v1/chargeback/statements/close", Map.of("orgUnit", unit, "period", period));
    }

    static JsonNode line(JsonNode statement, String model, String provider, String lateFrom) {
        return statement
                .path("lines")
                .valueStream()
                .filter(l -> l.path("model").asString().equals(model)
                        && l.path("providerId").asString().equals(provider)
                        && (lateFrom == null
                                ? !l.path("late").asBoolean()
                                : lateFrom.equals(l.path("lateFromPeriod").asString())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + model + "/" + provider + " in " + statement));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long calls(JsonNode statement) {
        return statement.path("totals").get(0).path("calls").asLong();
    }

    @Test
    void an_open_period_is_live_grouped_by_project_model_provider_and_key_and_its_totals_equal_the_ledger() {
        String p1 = unit("PROJECT", team, "p1-" + UUID.randomUUID());
        String p2 = unit("PROJECT", team, "p2-" + UUID.randomUUID());
        String subteam = unit("TEAM", team, "sub-" + UUID.randomUUID());
        String sibling = unit("TEAM", units.get("Content"), "sibling-" + UUID.randomUUID());
        UUID k1 = UUID.randomUUID();
        UUID k2 = UUID.randomUUID();
        Instant nov10 = Instant.parse("2026-11-10T08:00:00Z");
        record(team, p1, "m-a", "prov-x", k1, nov10, 1_000, 1_200);
        record(team, p1, "m-a", "prov-x", k1, nov10.plusSeconds(60), 2_000, 2_400);
        record(team, p1, "m-a", "prov-y", k1, nov10, 300, 360);
        record(subteam, p2, "m-b", "prov-x", null, nov10, 10, 12);
        record(team, null, "m-a", "prov-x", k2, nov10, 5, 6);
        // not November, or not below the team
        record(team, p1, "m-a", "prov-x", k1, Instant.parse("2026-10-31T23:59:59Z"), 7_000, 7_000);
        record(team, p1, "m-a", "prov-x", k1, Instant.parse("2026-12-01T00:00:00Z"), 7_000, 7_000);
        record(sibling, null, "m-a", "prov-x", k1, nov10, 7_000, 7_000);

        Response response = carol.get("/api/v1/chargeback/statements?orgUnit=" + team); // the current period
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode s = response.json();

        assertThat(s.path("period").asString()).isEqualTo("2026-11");
        assertThat(s.path("status").asString()).isEqualTo("open");
        assertThat(s.path("id").isNull()).isTrue();
        assertThat(s.path("lines").size()).isEqualTo(4);
        JsonNode grouped = s.path("lines")
                .valueStream()
                .filter(l -> l.path("providerId").asString().equals("prov-x")
                        && l.path("apiKeyId").asString().equals(k1.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(grouped.path("projectId").asString()).isEqualTo(p1);
        assertThat(grouped.path("apiKeyId").asString()).isEqualTo(k1.toString());
        assertThat(grouped.path("calls").asLong()).isEqualTo(2);
        assertThat(grouped.path("inputTokens").asLong()).isEqualTo(200);
        assertThat(grouped.path("cachedInputTokens").asLong()).isEqualTo(20);
        assertThat(grouped.path("outputTokens").asLong()).isEqualTo(40);
        assertThat(grouped.path("wholesaleMicros").asLong()).isEqualTo(3_000);
        assertThat(grouped.path("retailMicros").asLong()).isEqualTo(3_600);
        assertThat(grouped.path("marginMicros").asLong()).isEqualTo(600);
        assertThat(line(s, "m-b", "prov-x", null).path("projectId").asString()).isEqualTo(p2);
        assertThat(line(s, "m-b", "prov-x", null).path("apiKeyId").isNull()).isTrue();
        assertThat(s.path("lines")
                        .valueStream()
                        .filter(l -> l.path("apiKeyId").asString().equals(k2.toString())))
                .singleElement()
                .satisfies(l -> assertThat(l.path("projectId").isNull()).isTrue());

        UsageReport.Totals ledgerTotals = ledger.query(new UsageQuery(
                        OrgUnitId.of(team),
                        null,
                        null,
                        null,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-12-01T00:00:00Z"),
                        1000))
                .totals()
                .getFirst();
        JsonNode total = s.path("totals").get(0);
        assertThat(s.path("totals").size()).isEqualTo(1);
        assertThat(total.path("currency").asString()).isEqualTo("USD");
        assertThat(total.path("calls").asLong()).isEqualTo(ledgerTotals.calls()).isEqualTo(5);
        assertThat(total.path("inputTokens").asLong()).isEqualTo(ledgerTotals.inputTokens());
        assertThat(total.path("cachedInputTokens").asLong()).isEqualTo(ledgerTotals.cachedTokens());
        assertThat(total.path("outputTokens").asLong()).isEqualTo(ledgerTotals.outputTokens());
        assertThat(total.path("wholesaleMicros").asLong()).isEqualTo(ledgerTotals.wholesaleMicros());
        assertThat(total.path("retailMicros").asLong()).isEqualTo(ledgerTotals.retailMicros());
        assertThat(total.path("marginMicros").asLong())
                .isEqualTo(ledgerTotals.marginMicros())
                .isEqualTo(663);
    }

    @Test
    void closing_freezes_the_statement_and_the_database_refuses_to_change_it() {
        record(team, null, "m-a", "prov-x", null, Instant.parse("2026-11-05T00:00:00Z"), 1_000, 1_200);
        clock.set(DEC_2);

        Response closed = close(carol, team, "2026-11");

        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        String id = closed.text("id");
        assertThat(closed.text("status")).isEqualTo("closed");
        assertThat(closed.text("closedBy")).isEqualTo("carol");
        assertThat(closed.json().path("ledgerPosition").asLong()).isPositive();
        assertThat(closed.json().path("asOf").asString()).isEqualTo("2026-12-02T09:00:00Z");
        assertThat(carol.get("/api/v1/chargeback/statements/" + id).json()).isEqualTo(closed.json());

        record(team, null, "m-a", "prov-x", null, Instant.parse("2026-11-06T00:00:00Z"), 5_000, 6_000); // late
        assertThat(statement(carol, team, "2026-11").json()).isEqualTo(closed.json());

        UUID statementId = UUID.fromString(id);
        assertThatThrownBy(() -> jdbc.sql("UPDATE chargeback_statement SET closed_by = 'mallory' WHERE id = ?")
                        .param(statementId)
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM chargeback_statement WHERE id = ?")
                        .param(statementId)
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(
                        () -> jdbc.sql("UPDATE chargeback_statement_line SET retail_micros = 0 WHERE statement_id = ?")
                                .param(statementId)
                                .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM chargeback_statement_line WHERE statement_id = ?")
                        .param(statementId)
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO chargeback_statement_line (statement_id, line_no, model, currency, calls,
                                    input_tokens, cached_input_tokens, output_tokens, wholesale_micros, retail_micros)
                                VALUES (?, 99, 'm-z', 'USD', 1, 0, 0, 0, 0, 1000000)""").param(statementId).update()).hasMessageContaining("is closed");
        Response again = close(carol, team, "2026-11");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).isEqualTo("urn:switchboard:problem:conflict");
        assertThat(carol.get("/api/v1/chargeback/statements/" + id).json()).isEqualTo(closed.json());
    }

    @Test
    void late_usage_lands_in_the_next_open_period_with_a_reference_to_the_period_it_occurred_in() {
        Instant nov5 = Instant.parse("2026-11-05T00:00:00Z");
        Instant dec5 = Instant.parse("2026-12-05T00:00:00Z");
        record(team, null, "m-a", "prov-x", null, nov5, 1_000, 1_200);
        clock.set(DEC_2);
        JsonNode november = close(carol, team, "2026-11").json();

        record(team, null, "m-a", "prov-x", null, nov5, 3_000, 3_600); // occurred in November, recorded after
        record(team, null, "m-a", "prov-x", null, dec5, 10, 12);

        clock.set(Instant.parse("2026-12-10T00:00:00Z"));
        JsonNode december = statement(carol, team, "2026-12").json();
        assertThat(december.path("status").asString()).isEqualTo("open");
        assertThat(line(december, "m-a", "prov-x", null).path("wholesaleMicros").asLong())
                .isEqualTo(10);
        JsonNode late = line(december, "m-a", "prov-x", "2026-11");
        assertThat(late.path("late").asBoolean()).isTrue();
        assertThat(late.path("wholesaleMicros").asLong()).isEqualTo(3_000);
        assertThat(calls(statement(carol, team, "2026-11").json())).isEqualTo(1);

        clock.set(Instant.parse("2027-01-03T00:00:00Z"));
        JsonNode decemberClosed = close(carol, team, "2026-12").json();
        assertThat(decemberClosed.path("lines")).isEqualTo(december.path("lines"));
        record(team, null, "m-a", "prov-x", null, nov5, 70_000, 84_000); // late for November again
        record(team, null, "m-a", "prov-x", null, dec5, 500, 600); // late for December

        JsonNode january = statement(carol, team, "2027-01").json();
        assertThat(line(january, "m-a", "prov-x", "2026-11")
                        .path("wholesaleMicros")
                        .asLong())
                .isEqualTo(70_000);
        assertThat(line(january, "m-a", "prov-x", "2026-12")
                        .path("wholesaleMicros")
                        .asLong())
                .isEqualTo(500);
        assertThat(statement(carol, team, "2026-11").json()).isEqualTo(november);
        assertThat(statement(carol, team, "2026-12").json()).isEqualTo(decemberClosed);
        // every row in exactly one statement
        long ledgerCalls = ledger.query(new UsageQuery(OrgUnitId.of(team), null, null, null, null, null, 1000))
                .totals()
                .getFirst()
                .calls();
        assertThat(calls(november) + calls(decemberClosed) + calls(january))
                .isEqualTo(ledgerCalls)
                .isEqualTo(5);
    }

    @Test
    void bad_input_and_an_unended_period_are_problem_details_and_nothing_is_closed() {
        record(team, null, "m-a", "prov-x", null, Instant.parse("2026-11-05T00:00:00Z"), 1_000, 1_200);

        Response early = close(carol, team, "2026-11");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.text("detail")).contains("has not ended");
        Response badPeriod = close(carol, team, "2026-13");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().path("errors").get(0).path("field").asString())
                .isEqualTo("period");
        assertThat(carol.post("/api/v1/chargeback/statements/close", Map.of("orgUnit", team))
                        .status())
                .isEqualTo(400);
        assertThat(statement(carol, team, "november").status()).isEqualTo(400);
        assertThat(carol.get("/api/v1/chargeback/statements").status()).isEqualTo(400);
        assertThat(carol.get("/api/v1/chargeback/statements?orgUnit=not-a-uuid").status())
                .isEqualTo(400);
        Response unknownUnit = statement(carol, UUID.randomUUID().toString(), "2026-11");
        assertThat(unknownUnit.status()).isEqualTo(404);
        assertThat(unknownUnit.contentType()).startsWith("application/problem+json");
        assertThat(close(carol, UUID.randomUUID().toString(), "2026-10").status())
                .isEqualTo(404);
        assertThat(carol.get("/api/v1/chargeback/statements/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);

        assertThat(jdbc.sql("SELECT count(*) FROM chargeback_statement WHERE org_unit_id = ?")
                        .param(UUID.fromString(team))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(statement(carol, team, "2026-11").text("status")).isEqualTo("open");
    }

    @Test
    void members_read_their_own_units_statements_and_only_admins_or_finance_close() {
        String it = units.get("IT");
        record(team, null, "m-a", "prov-x", null, Instant.parse("2026-11-05T00:00:00Z"), 1_000, 1_200);
        clock.set(DEC_2);

        assertThat(statement(alice, team, "2026-11").status()).isEqualTo(200);
        Response foreign = statement(alice, it, "2026-11");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(statement(bob, team, "2026-11").status()).isEqualTo(403);
        assertThat(statement(carol, it, "2026-11").status()).isEqualTo(200);
        assertThat(statement(admin, team, "2026-11").status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/chargeback/statements/export?orgUnit=" + team + "&period=2026-11")
                        .status())
                .isEqualTo(403);

        assertThat(close(alice, team, "2026-11").status()).isEqualTo(403);
        assertThat(close(bob, team, "2026-11").status()).isEqualTo(403);
        assertThat(statement(carol, team, "2026-11").text("status")).isEqualTo("open");

        String id = close(admin, team, "2026-11").text("id");
        assertThat(alice.get("/api/v1/chargeback/statements/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/chargeback/statements/" + id).status()).isEqualTo(403);
        assertThat(bob.get("/api/v1/chargeback/statements/" + id + "/export").status())
                .isEqualTo(403);
    }

    @Test
    void csv_export_quotes_names_and_writes_money_as_exact_decimals() {
        String project = unit("PROJECT", team, "Research, \"Alpha\" " + UUID.randomUUID());
        String projectName = admin.get("/api/v1/org-units/" + project).text("name");
        record(team, project, "m-a", "prov-x", null, Instant.parse("2026-11-05T00:00:00Z"), 1_234_567, 1_234_467);

        Response csv =
                carol.get("/api/v1/chargeback/statements/export?orgUnit=" + team + "&period=2026-11", "text/csv");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = List.of(csv.body().split("\r\n"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(StatementCsv.HEADER);
        String quotedProject = "\"" + projectName.replace("\"", "\"\"") + "\"";
        assertThat(rows.get(1))
                .contains(",open,usage,," + project + "," + quotedProject + ",m-a,prov-x,,USD,1,100,10,20,")
                .endsWith(",1.234567,1.234467,-0.000100");
        assertThat(rows.get(2)).contains(",total,").endsWith(",USD,1,100,10,20,1.234567,1.234467,-0.000100");
        // an API client asking for JSON still gets the CSV it asked the export for
        assertThat(carol.get("/api/v1/chargeback/statements/export?orgUnit=" + team + "&period=2026-11")
                        .body())
                .isEqualTo(csv.body());

        clock.set(DEC_2);
        String id = close(carol, team, "2026-11").text("id");
        Response closedCsv = carol.get("/api/v1/chargeback/statements/" + id + "/export", "text/csv");
        assertThat(closedCsv.body()).isEqualTo(csv.body().replace(",open,", ",closed,"));
    }

    @Test
    void usage_recorded_while_a_period_is_being_closed_lands_once_in_the_closed_or_the_next_statement()
            throws InterruptedException {
        Instant nov5 = Instant.parse("2026-11-05T00:00:00Z");
        clock.set(DEC_2);
        AtomicBoolean closed = new AtomicBoolean();
        AtomicLong recorded = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(Thread.ofPlatform().start(() -> {
                // keep recording November usage until the close is done, then 10 more; each row in a
                // transaction that takes a while to commit (as when a settlement records it with more work),
                // so rows commit out of position order
                for (int after = 0; after < 10; ) {
                    transactions.executeWithoutResult(tx -> {
                        record(team, null, "m-a", "prov-x", null, nov5, 1, 1);
                        sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(15));
                    });
                    recorded.incrementAndGet();
                    if (closed.get()) {
                        after++;
                    }
                }
            }));
        }
        while (recorded.get() < 20) {
            Thread.sleep(5);
        }

        Response close = close(carol, team, "2026-11");
        closed.set(true);
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(close.status()).as(close.body()).isEqualTo(201);
        long inClosed = calls(close.json());
        long late = line(statement(carol, team, "2026-12").json(), "m-a", "prov-x", "2026-11")
                .path("calls")
                .asLong();
        assertThat(inClosed).isPositive();
        assertThat(late).isGreaterThanOrEqualTo(40);
        assertThat(inClosed + late).isEqualTo(recorded.get());
        assertThat(calls(statement(carol, team, "2026-11").json())).isEqualTo(inClosed);
    }

    @Test
    void a_row_still_being_recorded_when_a_close_cuts_the_ledger_is_counted_once() throws InterruptedException {
        Instant nov5 = Instant.parse("2026-11-05T00:00:00Z");
        clock.set(DEC_2);
        CountDownLatch slowRowWritten = new CountDownLatch(1);
        CountDownLatch commitSlowRow = new CountDownLatch(1);
        Thread slow = Thread.ofPlatform()
                .start(() -> transactions.executeWithoutResult(tx -> {
                    record(team, null, "m-a", "prov-x", null, nov5, 1, 1);
                    slowRowWritten.countDown();
                    try {
                        commitSlowRow.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        slowRowWritten.await();
        record(team, null, "m-a", "prov-x", null, nov5, 2, 2); // committed, at a higher position
        AtomicReference<Response> closing = new AtomicReference<>();
        Thread closer = Thread.ofPlatform().start(() -> closing.set(close(carol, team, "2026-11")));

        // a close that did not wait for the slow row would finish now and never see it
        closer.join(Duration.ofMillis(500));
        commitSlowRow.countDown();
        slow.join();
        closer.join();

        Response close = closing.get();
        assertThat(close.status()).as(close.body()).isEqualTo(201);
        JsonNode december = statement(carol, team, "2026-12").json();
        long late = december.path("lines").size() == 0
                ? 0
                : line(december, "m-a", "prov-x", "2026-11").path("calls").asLong();
        assertThat(calls(close.json()) + late).isEqualTo(2);
    }
}

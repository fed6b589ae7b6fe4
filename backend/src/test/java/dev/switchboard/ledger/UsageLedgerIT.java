package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UsageLedgerIT {

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    @Autowired
    OrgService org;

    @Autowired
    JdbcClient jdbc;

    OrgUnitId marketing;
    OrgUnitId content;
    OrgUnitId it;
    String model;

    @BeforeEach
    void setUp() {
        List<OrgUnit> units = org.list(false);
        marketing = idOf(units, "Marketing");
        content = idOf(units, "Content");
        it = idOf(units, "IT");
        model = "test-model-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static OrgUnitId idOf(List<OrgUnit> units, String name) {
        return units.stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private UsageEntry entry(String requestId, OrgUnitId unit, long wholesale, long retail) {
        return new UsageEntry(
                requestId,
                Instant.parse("2026-11-20T10:00:00Z"),
                null,
                unit,
                null,
                "sim-fast",
                model,
                1000,
                200,
                400,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(wholesale, "USD"),
                Money.ofMicros(retail, "USD"),
                2000,
                120,
                null,
                CallStatus.OK,
                List.of("sim-fast"));
    }

    @Test
    void recording_the_same_request_twice_keeps_one_row() {
        String requestId = "req-" + UUID.randomUUID();

        assertThat(ledger.record(entry(requestId, content, 100, 120))).isTrue();
        assertThat(ledger.record(entry(requestId, content, 100, 120))).isFalse();

        UsageReport report = ledger.query(new UsageQuery(null, null, model, null, null, null, 10));
        assertThat(report.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.requestId()).isEqualTo(requestId));
        assertThat(report.totals())
                .singleElement()
                .satisfies(t -> assertThat(t.calls()).isEqualTo(1));
    }

    @Test
    void ledger_rows_cannot_be_updated_or_deleted() {
        String requestId = "req-" + UUID.randomUUID();
        ledger.record(entry(requestId, content, 100, 120));

        assertThatThrownBy(() -> jdbc.sql("UPDATE usage_ledger SET retail_micros = 0 WHERE request_id = ?")
                        .param(requestId)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM usage_ledger WHERE request_id = ?")
                        .param(requestId)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void a_department_filter_includes_its_teams_and_totals_add_up() {
        ledger.record(entry("req-" + UUID.randomUUID(), content, 1_000, 1_200));
        ledger.record(entry("req-" + UUID.randomUUID(), marketing, 500, 600));
        ledger.record(entry("req-" + UUID.randomUUID(), it, 700, 840));

        UsageReport marketingOnly = ledger.query(new UsageQuery(marketing, null, model, null, null, null, 10));

        assertThat(marketingOnly.entries()).hasSize(2);
        assertThat(marketingOnly.totals()).singleElement().satisfies(t -> {
            assertThat(t.wholesaleMicros()).isEqualTo(1_500);
            assertThat(t.retailMicros()).isEqualTo(1_800);
            assertThat(t.marginMicros()).isEqualTo(300);
            assertThat(t.inputTokens()).isEqualTo(2_000);
            assertThat(t.cachedTokens()).isEqualTo(800);
        });
    }

    @Test
    void daily_spend_groups_by_the_calendar_day_of_the_zone_asked_for() {
        // 23:30 UTC on the 19th is already the 20th in Berlin (UTC+1 in November)
        record At(String id, String when, long retail) {}
        for (At at : List.of(
                new At("a", "2026-11-19T10:00:00Z", 100),
                new At("b", "2026-11-19T23:30:00Z", 200),
                new At("c", "2026-11-20T12:00:00Z", 400))) {
            UsageEntry e = entry("req-" + UUID.randomUUID(), content, 1, at.retail());
            ledger.record(new UsageEntry(
                    e.requestId(),
                    Instant.parse(at.when()),
                    null,
                    content,
                    null,
                    "sim-fast",
                    model,
                    1,
                    1,
                    0,
                    0,
                    UsageSource.PROVIDER,
                    e.wholesale(),
                    e.retail(),
                    2000,
                    5,
                    null,
                    CallStatus.OK,
                    List.of()));
        }
        UsageQuery query = new UsageQuery(marketing, null, model, null, null, null, 1);

        assertThat(ledger.dailySpend(query, ZoneOffset.UTC))
                .extracting(DailySpend::day, DailySpend::calls, DailySpend::retailMicros)
                .containsExactly(
                        tuple(LocalDate.parse("2026-11-19"), 2L, 300L), tuple(LocalDate.parse("2026-11-20"), 1L, 400L));
        assertThat(ledger.dailySpend(query, ZoneId.of("Europe/Berlin")))
                .extracting(DailySpend::day, DailySpend::retailMicros)
                .containsExactly(
                        tuple(LocalDate.parse("2026-11-19"), 100L), tuple(LocalDate.parse("2026-11-20"), 600L));
    }

    @Test
    void time_range_is_half_open() {
        ledger.record(entry("req-" + UUID.randomUUID(), it, 1, 1));
        Instant at = Instant.parse("2026-11-20T10:00:00Z");

        assertThat(ledger.query(new UsageQuery(null, null, model, null, at, at.plus(1, ChronoUnit.SECONDS), 10))
                        .entries())
                .hasSize(1);
        assertThat(ledger.query(new UsageQuery(null, null, model, null, at.minusSeconds(10), at, 10))
                        .entries())
                .isEmpty();
    }

    @Test
    void members_read_their_own_units_usage_only_and_finance_reads_all() {
        ledger.record(entry("req-" + UUID.randomUUID(), content, 1_000, 1_200));
        ApiClient alice = ApiClient.as(port, "alice", "alice-demo-pass"); // Marketing
        ApiClient carol = ApiClient.as(port, "carol", "carol-demo-pass"); // finance

        Response own = alice.get("/api/v1/usage?orgUnitId=" + content + "&model=" + model);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("entries").size()).isEqualTo(1);
        assertThat(own.json().path("totals").get(0).path("retailMicros").asLong())
                .isEqualTo(1_200);

        assertThat(alice.get("/api/v1/usage?orgUnitId=" + it).status()).isEqualTo(403);
        assertThat(alice.get("/api/v1/usage").status()).isEqualTo(403);
        assertThat(carol.get("/api/v1/usage?model=" + model)
                        .json()
                        .path("entries")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void bad_filters_are_400() {
        ApiClient admin = ApiClient.asMaster(port);
        assertThat(admin.get("/api/v1/usage?limit=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/usage?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/usage?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void markups_are_inherited_from_the_nearest_ancestor_and_only_admins_or_finance_set_them() {
        ApiClient carol = ApiClient.as(port, "carol", "carol-demo-pass");
        ApiClient alice = ApiClient.as(port, "alice", "alice-demo-pass");

        Response set = carol.put("/api/v1/markups/" + marketing, Map.of("markupBasisPoints", 3500));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        try {
            Response teamMarkup = carol.get("/api/v1/markups/" + content);
            assertThat(teamMarkup.json().path("effectiveBasisPoints").asInt()).isEqualTo(3500);
            assertThat(teamMarkup.json().path("setBasisPoints").isNull()).isTrue();
            assertThat(alice.put("/api/v1/markups/" + content, Map.of("markupBasisPoints", 0))
                            .status())
                    .isEqualTo(403);
            assertThat(carol.put("/api/v1/markups/" + content, Map.of("markupBasisPoints", -5))
                            .status())
                    .isEqualTo(400);
        } finally {
            assertThat(carol.delete("/api/v1/markups/" + marketing).status()).isEqualTo(204);
        }
        assertThat(carol.get("/api/v1/markups/" + content)
                        .json()
                        .path("effectiveBasisPoints")
                        .asInt())
                .isEqualTo(2000);
    }
}

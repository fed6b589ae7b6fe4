package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recording under concurrency: each caller gets its own committed row and outcome, never a second row. */
@IntegrationTest
class UsageLedgerConcurrencyIT {

    @Autowired
    UsageLedger ledger;

    @Autowired
    OrgService org;

    @Autowired
    JdbcClient jdbc;

    OrgUnitId unit;
    String model;

    @BeforeEach
    void setUp() {
        unit = org.list(false).stream()
                .filter(u -> u.name().equals("Content"))
                .findFirst()
                .orElseThrow()
                .id();
        model = "group-commit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UsageEntry entry(String requestId, OrgUnitId chargedTo) {
        return new UsageEntry(
                requestId,
                Instant.parse("2026-11-20T10:00:00Z"),
                null,
                chargedTo,
                null,
                "sim-fast",
                model,
                100,
                20,
                0,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(50, "USD"),
                Money.ofMicros(60, "USD"),
                2000,
                5,
                null,
                CallStatus.OK,
                List.of("sim-fast"));
    }

    private long rowsOfThisTest() {
        return jdbc.sql("SELECT count(*) FROM usage_ledger WHERE model = ?")
                .param(model)
                .query(Long.class)
                .single();
    }

    @Test
    void many_concurrent_callers_each_get_their_own_committed_row() throws Exception {
        int callers = 64;
        int perCaller = 25;
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < callers; c++) {
                results.add(pool.submit(() -> {
                    int written = 0;
                    for (int i = 0; i < perCaller; i++) {
                        if (ledger.record(entry("gc-" + UUID.randomUUID(), unit))) {
                            written++;
                        }
                    }
                    return written;
                }));
            }
        }
        int written = 0;
        for (Future<Integer> r : results) {
            written += r.get();
        }
        assertThat(written).isEqualTo(callers * perCaller);
        assertThat(rowsOfThisTest()).isEqualTo((long) callers * perCaller);
    }

    @Test
    void a_request_id_recorded_concurrently_many_times_is_written_once() throws Exception {
        String requestId = "gc-dup-" + UUID.randomUUID();
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 32; c++) {
                results.add(pool.submit(() -> ledger.record(entry(requestId, unit))));
            }
        }
        long wrote = 0;
        for (Future<Boolean> r : results) {
            wrote += r.get() ? 1 : 0;
        }
        assertThat(wrote).isEqualTo(1);
        assertThat(rowsOfThisTest()).isEqualTo(1);
    }

    @Test
    void an_error_reaches_the_caller_that_recorded_the_bad_row() {
        UsageEntry bad = entry("gc-bad-" + UUID.randomUUID(), new OrgUnitId(UUID.randomUUID()));

        assertThatThrownBy(() -> ledger.record(bad))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(rowsOfThisTest()).isZero();
    }
}

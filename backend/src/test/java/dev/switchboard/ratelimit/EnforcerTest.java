package dev.switchboard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EnforcerTest {

    // 15 s into a minute
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:15Z"));
    final Enforcer enforcer = new Enforcer(clock);

    final OrgUnitId company = new OrgUnitId(UUID.randomUUID());
    final OrgUnitId department = new OrgUnitId(UUID.randomUUID());
    final OrgUnitId teamA = new OrgUnitId(UUID.randomUUID());
    final OrgUnitId teamB = new OrgUnitId(UUID.randomUUID());
    final List<OrgUnitId> fromTeamA = List.of(teamA, department, company);
    final List<OrgUnitId> fromTeamB = List.of(teamB, department, company);
    final UUID key = UUID.randomUUID();

    private LimitTable onDepartment(long rpm, long tpm, long concurrent) {
        return new LimitTable(Map.of(), Map.of(department.value(), new Limits(rpm, tpm, concurrent)), 1, 0);
    }

    private RateLimitedException refused(LimitTable table, List<OrgUnitId> path, long tokens) {
        return catchThrowableOfType(RateLimitedException.class, () -> enforcer.acquire(table, key, path, tokens));
    }

    @Test
    void requests_per_minute_refuse_the_next_request_until_the_minute_ends() {
        LimitTable table = onDepartment(3, 0, 0);
        for (int i = 0; i < 3; i++) {
            enforcer.acquire(table, key, fromTeamA, 10).complete(10);
        }

        RateLimitedException refused = refused(table, fromTeamA, 10);

        assertThat(refused.limit()).isEqualTo(LimitKind.REQUESTS_PER_MINUTE);
        assertThat(refused.limitValue()).isEqualTo(3);
        assertThat(refused.subject()).isEqualTo(RateLimitSubject.orgUnit(department.value()));
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(refused.problemType()).isEqualTo("too-many-requests");
        assertThat(refused.getMessage()).contains("3 requests per minute", "45 s");
    }

    @Test
    void the_next_minute_admits_again() {
        LimitTable table = onDepartment(1, 0, 0);
        enforcer.acquire(table, key, fromTeamA, 0).complete(0);
        clock.advance(Duration.ofSeconds(44));
        assertThat(refused(table, fromTeamA, 0).retryAfter()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1)); // 10:01:00

        enforcer.acquire(table, key, fromTeamA, 0).complete(0);
        assertThat(refused(table, fromTeamA, 0).retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retry_after_rounds_up_and_is_never_zero() {
        long minuteStart = Instant.parse("2026-11-28T10:01:00Z").toEpochMilli();

        assertThat(Enforcer.untilNextMinute(minuteStart)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Enforcer.untilNextMinute(minuteStart + 59_001)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Enforcer.untilNextMinute(minuteStart + 59_999)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Enforcer.untilNextMinute(minuteStart + 30_500)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void tokens_per_minute_take_the_estimate_and_give_back_what_was_not_used() {
        LimitTable table = onDepartment(0, 1_000, 0);
        Permit first = enforcer.acquire(table, key, fromTeamA, 600);

        RateLimitedException refused = refused(table, fromTeamA, 500);
        assertThat(refused.limit()).isEqualTo(LimitKind.TOKENS_PER_MINUTE);
        assertThat(refused.limitValue()).isEqualTo(1_000);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(45));

        first.complete(200); // 400 come back
        enforcer.acquire(table, key, fromTeamA, 500); // 700 used
        assertThat(refused(table, fromTeamA, 301).limit()).isEqualTo(LimitKind.TOKENS_PER_MINUTE);
        enforcer.acquire(table, key, fromTeamA, 300); // exactly 1 000
    }

    @Test
    void tokens_used_beyond_the_estimate_count_against_the_current_minute() {
        LimitTable table = onDepartment(0, 1_000, 0);
        enforcer.acquire(table, key, fromTeamA, 100).complete(900);

        assertThat(refused(table, fromTeamA, 101).limit()).isEqualTo(LimitKind.TOKENS_PER_MINUTE);
        enforcer.acquire(table, key, fromTeamA, 100);
    }

    @Test
    void a_request_larger_than_the_token_limit_is_refused_with_the_reason() {
        RateLimitedException refused = refused(onDepartment(0, 1_000, 0), fromTeamA, 1_001);

        assertThat(refused.getMessage()).contains("this request alone needs 1001 tokens");
    }

    @Test
    void the_concurrency_limit_refuses_the_next_call_until_one_completes() {
        LimitTable table = onDepartment(0, 0, 2);
        Permit first = enforcer.acquire(table, key, fromTeamA, 0);
        enforcer.acquire(table, key, fromTeamA, 0);

        RateLimitedException refused = refused(table, fromTeamA, 0);
        assertThat(refused.limit()).isEqualTo(LimitKind.CONCURRENT_REQUESTS);
        assertThat(refused.limitValue()).isEqualTo(2);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        first.complete(0);
        enforcer.acquire(table, key, fromTeamA, 0);
        assertThat(enforcer.inFlight(RateLimitSubject.orgUnit(department.value())))
                .isEqualTo(2);
    }

    @Test
    void a_failed_call_frees_its_slot_and_its_tokens() {
        LimitTable table = onDepartment(0, 1_000, 1);
        Permit failed = enforcer.acquire(table, key, fromTeamA, 1_000);

        failed.complete(0);

        enforcer.acquire(table, key, fromTeamA, 1_000);
    }

    @Test
    void completing_twice_gives_back_only_once() {
        LimitTable table = onDepartment(0, 1_000, 5);
        Permit permit = enforcer.acquire(table, key, fromTeamA, 600);
        enforcer.acquire(table, key, fromTeamA, 300);

        permit.complete(0);
        permit.complete(0);
        permit.complete(-50);

        assertThat(permit.completed()).isTrue();
        assertThat(enforcer.inFlight(RateLimitSubject.orgUnit(department.value())))
                .isEqualTo(1);
        enforcer.acquire(table, key, fromTeamA, 700);
        assertThat(refused(table, fromTeamA, 1).limit()).isEqualTo(LimitKind.TOKENS_PER_MINUTE);
    }

    @Test
    void an_org_unit_limit_is_shared_by_its_whole_subtree() {
        LimitTable table = onDepartment(3, 0, 0);
        enforcer.acquire(table, null, fromTeamA, 0);
        enforcer.acquire(table, null, fromTeamB, 0);
        enforcer.acquire(table, null, List.of(department, company), 0);

        assertThat(refused(table, fromTeamB, 0).subject()).isEqualTo(RateLimitSubject.orgUnit(department.value()));
        assertThat(refused(table, fromTeamA, 0).subject()).isEqualTo(RateLimitSubject.orgUnit(department.value()));
        // a sibling subtree is not limited
        enforcer.acquire(table, null, List.of(new OrgUnitId(UUID.randomUUID()), company), 0);
    }

    @Test
    void a_key_limit_applies_to_that_key_only() {
        LimitTable table = new LimitTable(Map.of(key, new Limits(1, 0, 0)), Map.of(), 1, 0);
        enforcer.acquire(table, key, fromTeamA, 0);

        assertThat(refused(table, fromTeamA, 0).subject()).isEqualTo(RateLimitSubject.apiKey(key));
        enforcer.acquire(table, UUID.randomUUID(), fromTeamA, 0);
        enforcer.acquire(table, null, fromTeamA, 0);
    }

    @Test
    void a_refused_call_gives_back_what_it_took_from_the_other_limits() {
        LimitTable table = new LimitTable(
                Map.of(key, new Limits(3, 1_000, 1)), Map.of(department.value(), new Limits(1, 0, 0)), 1, 0);
        enforcer.acquire(table, key, fromTeamA, 100).complete(100); // the department's one request

        for (int i = 0; i < 5; i++) {
            // the key admits, the department refuses: the key must not keep the slot, request or tokens
            assertThat(refused(table, fromTeamA, 400).subject())
                    .isEqualTo(RateLimitSubject.orgUnit(department.value()));
        }

        assertThat(enforcer.inFlight(RateLimitSubject.apiKey(key))).isZero();
        List<OrgUnitId> elsewhere = List.of(teamB);
        enforcer.acquire(table, key, elsewhere, 400).complete(400);
        enforcer.acquire(table, key, elsewhere, 500).complete(500); // 3 requests, 1 000 tokens: all of it
        assertThat(refused(table, elsewhere, 0).limit()).isEqualTo(LimitKind.REQUESTS_PER_MINUTE);
    }

    @Test
    void without_limits_every_call_is_admitted() {
        Permit permit = enforcer.acquire(LimitTable.EMPTY, key, fromTeamA, 1_000_000);

        permit.complete(5);
        assertThat(permit.estimatedTokens()).isEqualTo(1_000_000);
        assertThatThrownBy(() -> enforcer.acquire(LimitTable.EMPTY, key, fromTeamA, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrent_threads_never_exceed_the_concurrency_limit() throws Exception {
        LimitTable table = onDepartment(0, 0, 4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicLong admitted = new AtomicLong();
        try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 5_000; i++) {
                        Permit permit;
                        try {
                            permit = enforcer.acquire(table, key, fromTeamA, 0);
                        } catch (RateLimitedException busy) {
                            continue;
                        }
                        admitted.incrementAndGet();
                        int now = running.incrementAndGet();
                        mostAtOnce.accumulateAndGet(now, Math::max);
                        Thread.onSpinWait();
                        running.decrementAndGet();
                        permit.complete(0);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(mostAtOnce.get()).isBetween(1, 4);
        assertThat(admitted.get()).isPositive();
        assertThat(enforcer.inFlight(RateLimitSubject.orgUnit(department.value())))
                .isZero();
    }

    @Test
    void concurrent_threads_together_get_exactly_the_requests_per_minute() throws Exception {
        LimitTable table = onDepartment(1_000, 0, 0);
        AtomicLong admitted = new AtomicLong();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 1_000; i++) {
                        try {
                            enforcer.acquire(table, key, fromTeamA, 0).complete(0);
                            admitted.incrementAndGet();
                        } catch (RateLimitedException full) {
                            // expected once the minute's 1 000 are gone
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(admitted.get()).isEqualTo(1_000);
    }

    @Test
    void shares_of_the_live_nodes_add_up_to_the_limit_and_the_remainder_rotates() {
        for (long minute = 0; minute < 3; minute++) {
            long total = 0;
            List<Long> shares = new ArrayList<>();
            for (int node = 0; node < 3; node++) {
                long share = new LimitTable(Map.of(), Map.of(), 3, node).share(10, minute);
                shares.add(share);
                total += share;
            }
            assertThat(total).isEqualTo(10);
            assertThat(shares).containsExactlyInAnyOrder(4L, 3L, 3L);
            assertThat(shares.get((int) ((3 - minute) % 3))).isEqualTo(4);
        }
        assertThat(new LimitTable(Map.of(), Map.of(), 3, 2).share(2, 0)).isZero();
    }
}

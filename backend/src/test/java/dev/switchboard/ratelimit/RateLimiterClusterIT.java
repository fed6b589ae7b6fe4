package dev.switchboard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.testsupport.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two gateway nodes (two limiters sharing the database) split every limit between them. Their clock runs
 * weeks ahead of the application's, so the application's own node (and any other test context's) is
 * outside their heartbeat window and they outside its: the test sees exactly its two nodes.
 */
@IntegrationTest
class RateLimiterClusterIT {

    static final RateLimitProperties PROPERTIES = new RateLimitProperties(Duration.ofSeconds(1), Duration.ofSeconds(5));

    @LocalServerPort
    int port;

    @Autowired
    RateLimitRepository limits;

    @Autowired
    GatewayNodes nodes;

    @Autowired
    OrgService org;

    @Autowired
    Clock clock;

    ApiClient admin;
    TestClock time;
    RateLimiter nodeA;
    RateLimiter nodeB;
    OrgUnitId company;
    OrgUnitId department;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        company = org.company().id();
        Response created = admin.post(
                "/api/v1/org-units",
                Map.of(
                        "kind",
                        "DEPARTMENT",
                        "parentId",
                        company.toString(),
                        "name",
                        "Rate limited " + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        department = OrgUnitId.of(created.text("id"));
        // weeks ahead, at the start of a minute plus 10 s, so that a test never straddles two minutes
        var ahead = clock.instant().plus(Duration.ofDays(30 + (long) (Math.random() * 300)));
        time = new TestClock(ahead.truncatedTo(ChronoUnit.MINUTES).plusSeconds(10));
        nodeA = new RateLimiter(limits, nodes, PROPERTIES, time);
        nodeB = new RateLimiter(limits, nodes, PROPERTIES, time);
    }

    @AfterEach
    void tearDown() {
        nodeA.leave();
        nodeB.leave();
        admin.delete("/api/v1/rate-limits/org-units/" + department);
    }

    private void limit(long rpm, Long tpm, Long concurrent) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestsPerMinute", rpm);
        body.put("tokensPerMinute", tpm);
        body.put("maxConcurrent", concurrent);
        Response set = admin.put("/api/v1/rate-limits/org-units/" + department, body);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private void syncBoth() {
        nodeA.sync();
        nodeB.sync();
        nodeA.sync(); // A has seen B now
    }

    private static int admitted(RateLimiter node, List<OrgUnitId> path, int attempts) {
        int admitted = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                node.acquire(null, path, 0).complete(0);
                admitted++;
            } catch (RateLimitedException refused) {
                // its share is used up
            }
        }
        return admitted;
    }

    @Test
    void two_nodes_split_a_limit_and_together_admit_exactly_it() {
        limit(5, null, null);
        syncBoth();
        List<OrgUnitId> path = List.of(department, company);

        assertThat(nodeA.table().nodes()).isEqualTo(2);
        assertThat(nodeB.table().nodes()).isEqualTo(2);
        assertThat(nodeA.table().nodeIndex()).isNotEqualTo(nodeB.table().nodeIndex());
        int byA = admitted(nodeA, path, 10);
        int byB = admitted(nodeB, path, 10);

        assertThat(byA + byB).isEqualTo(5);
        assertThat(List.of(byA, byB)).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void two_nodes_split_the_concurrency_limit() {
        limit(1_000, null, 3L);
        syncBoth();
        List<OrgUnitId> path = List.of(department, company);

        int heldByA = 0;
        int heldByB = 0;
        for (int i = 0; i < 5; i++) {
            try {
                nodeA.acquire(null, path, 0); // never completed: the slot stays taken
                heldByA++;
            } catch (RateLimitedException full) {
                assertThat(full.limit()).isEqualTo(LimitKind.CONCURRENT_REQUESTS);
            }
            try {
                nodeB.acquire(null, path, 0);
                heldByB++;
            } catch (RateLimitedException full) {
                assertThat(full.limit()).isEqualTo(LimitKind.CONCURRENT_REQUESTS);
            }
        }

        assertThat(heldByA + heldByB).isEqualTo(3);
    }

    @Test
    void when_a_node_leaves_the_other_takes_over_its_share() {
        limit(4, null, null);
        syncBoth();
        List<OrgUnitId> path = List.of(department, company);
        assertThat(admitted(nodeA, path, 10)).isEqualTo(2);

        nodeB.leave();
        nodeA.sync();
        time.advance(Duration.ofMinutes(1));

        assertThat(nodeA.table().nodes()).isEqualTo(1);
        assertThat(admitted(nodeA, path, 10)).isEqualTo(4);
    }

    @Test
    void a_node_that_stopped_heartbeating_is_no_longer_counted() {
        limit(4, null, null);
        syncBoth();

        time.advance(Duration.ofSeconds(6)); // B is silent for longer than the node TTL
        nodeA.sync();

        assertThat(nodeA.table().nodes()).isEqualTo(1);
        assertThat(nodeA.table().units().get(department.value())).isEqualTo(new Limits(4, 0, 0));
    }

    @Test
    void a_limit_removed_in_the_database_stops_applying_at_the_next_sync() {
        limit(1, null, null);
        syncBoth();
        List<OrgUnitId> path = List.of(department, company);
        int first = admitted(nodeA, path, 3) + admitted(nodeB, path, 3);
        assertThat(first).isEqualTo(1);

        assertThat(admin.delete("/api/v1/rate-limits/org-units/" + department).status())
                .isEqualTo(204);
        nodeA.sync();

        assertThat(admitted(nodeA, path, 3)).isEqualTo(3);
    }
}

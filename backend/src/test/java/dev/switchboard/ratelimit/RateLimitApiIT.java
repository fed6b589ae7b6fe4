package dev.switchboard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgService;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class RateLimitApiIT {

    static final String LIMITS = "/api/v1/rate-limits";

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter limiter;

    @Autowired
    OrgService org;

    ApiClient admin;
    ApiClient carol;
    ApiClient alice;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        carol = ApiClient.as(port, "carol", "carol-demo-pass"); // finance
        alice = ApiClient.as(port, "alice", "alice-demo-pass"); // designer
    }

    private String newDepartment() {
        Response created = admin.post(
                "/api/v1/org-units",
                Map.of(
                        "kind",
                        "DEPARTMENT",
                        "parentId",
                        org.company().id().toString(),
                        "name",
                        "RL api " + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private static Map<String, Object> limits(Long rpm, Long tpm, Long concurrent) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestsPerMinute", rpm);
        body.put("tokensPerMinute", tpm);
        body.put("maxConcurrent", concurrent);
        return body;
    }

    private static String field(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }

    @Test
    void an_admin_sets_reads_replaces_and_deletes_an_org_unit_limit_and_this_node_applies_it_at_once() {
        String unit = newDepartment();

        Response set = admin.put(LIMITS + "/org-units/" + unit, limits(60L, 100_000L, 4L));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("subjectKind").asString()).isEqualTo("org-unit");
        assertThat(set.json().path("requestsPerMinute").asLong()).isEqualTo(60);
        assertThat(set.json().path("updatedBy").asString()).isEqualTo("master-key");
        assertThat(limiter.table().units().get(UUID.fromString(unit))).isEqualTo(new Limits(60, 100_000, 4));

        Response replaced = admin.put(LIMITS + "/org-units/" + unit, limits(null, null, 2L));
        assertThat(replaced.json().path("requestsPerMinute").isNull()).isTrue();
        assertThat(admin.get(LIMITS + "/org-units/" + unit)
                        .json()
                        .path("maxConcurrent")
                        .asLong())
                .isEqualTo(2);
        assertThat(admin.get(LIMITS)
                        .json()
                        .valueStream()
                        .map(l -> l.path("subjectId").asString()))
                .contains(unit);
        assertThat(limiter.table().units().get(UUID.fromString(unit))).isEqualTo(new Limits(0, 0, 2));

        assertThat(admin.delete(LIMITS + "/org-units/" + unit).status()).isEqualTo(204);
        assertThat(admin.get(LIMITS + "/org-units/" + unit).status()).isEqualTo(404);
        assertThat(admin.delete(LIMITS + "/org-units/" + unit).status()).isEqualTo(404);
        assertThat(limiter.table().units()).doesNotContainKey(UUID.fromString(unit));
    }

    @Test
    void an_api_key_gets_its_own_limit() {
        String unit = newDepartment();
        Response key = admin.post("/api/v1/keys", Map.of("orgUnitId", unit, "name", "limited"));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        String keyId = key.json().path("key").path("id").asString();

        Response set = admin.put(LIMITS + "/api-keys/" + keyId, limits(10L, null, null));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("subjectKind").asString()).isEqualTo("api-key");
        assertThat(limiter.table().keys().get(UUID.fromString(keyId))).isEqualTo(new Limits(10, 0, 0));
        assertThat(admin.delete(LIMITS + "/api-keys/" + keyId).status()).isEqualTo(204);
    }

    @Test
    void bad_input_is_400_and_unknown_subjects_404() {
        String unit = newDepartment();
        String path = LIMITS + "/org-units/" + unit;

        assertThat(field(admin.put(path, limits(0L, null, null)))).isEqualTo("requestsPerMinute");
        assertThat(field(admin.put(path, limits(null, -5L, null)))).isEqualTo("tokensPerMinute");
        assertThat(field(admin.put(path, limits(null, null, 2_000_000L)))).isEqualTo("maxConcurrent");
        assertThat(field(admin.put(path, limits(null, null, null)))).isEqualTo("requestsPerMinute");
        assertThat(admin.put(LIMITS + "/org-units/not-a-uuid", limits(1L, null, null))
                        .status())
                .isEqualTo(400);
        assertThat(admin.put(LIMITS + "/org-units/" + UUID.randomUUID(), limits(1L, null, null))
                        .status())
                .isEqualTo(404);
        assertThat(admin.put(LIMITS + "/api-keys/" + UUID.randomUUID(), limits(1L, null, null))
                        .status())
                .isEqualTo(404);
        assertThat(admin.get(LIMITS + "/api-keys/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void only_platform_admins_see_or_change_rate_limits() {
        String unit = newDepartment();

        for (ApiClient outsider : new ApiClient[] {carol, alice}) {
            assertThat(outsider.get(LIMITS).status()).isEqualTo(403);
            assertThat(outsider.get(LIMITS + "/nodes").status()).isEqualTo(403);
            assertThat(outsider.put(LIMITS + "/org-units/" + unit, limits(1L, null, null))
                            .status())
                    .isEqualTo(403);
            assertThat(outsider.delete(LIMITS + "/org-units/" + unit).status()).isEqualTo(403);
        }
        assertThat(ApiClient.withAuthorization(port, null).get(LIMITS).status()).isEqualTo(401);
        assertThat(admin.get(LIMITS + "/org-units/" + unit).status()).isEqualTo(404);
    }

    @Test
    void the_live_gateway_nodes_include_this_one() {
        Response live = admin.get(LIMITS + "/nodes");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().valueStream().map(n -> n.path("nodeId").asString()))
                .contains(limiter.nodeId().toString());
    }
}

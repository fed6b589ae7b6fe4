package dev.switchboard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway's hot path reads policies, markups and the org tree from short-lived caches; a change
 * made through this node must steer and price the very next call all the same.
 */
@IntegrationTest
class HotPathCachesIT {

    static final String HELLO = """
            {"model":"sim-chat","messages":[{"role":"user","content":"One line on caches."}]}""";

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    ApiClient admin;
    String suffix;
    String companyId;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        companyId = admin.get("/api/v1/org-units/tree")
                .json()
                .path("unit")
                .path("id")
                .asString();
    }

    private String unit(String kind, String parentId, String name) {
        ApiClient.Response created = admin.post(
                "/api/v1/org-units", Map.of("kind", kind, "parentId", parentId, "name", name + " " + suffix));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private GatewayClient keyOn(String unitId) {
        String secret = admin.post("/api/v1/keys", Map.of("orgUnitId", unitId, "name", "cache test"))
                .text("secret");
        return new GatewayClient(port, secret);
    }

    private UsageEntry call(GatewayClient client, String unitId) {
        GatewayClient.Reply reply = client.post("/v1/chat/completions", HELLO);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        String requestId = reply.header("x-switchboard-request-id");
        return ledger.query(new UsageQuery(OrgUnitId.of(unitId), null, null, null, null, null, 100)).entries().stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ledger row for " + requestId));
    }

    @Test
    void a_policy_set_or_cleared_on_this_node_steers_the_very_next_call() {
        String department = unit("DEPARTMENT", companyId, "Research");
        String team = unit("TEAM", department, "Lab");
        GatewayClient client = keyOn(team);
        assertThat(call(client, team).providerId()).isEqualTo("sim-fast");

        admin.put("/api/v1/policies/" + department, Map.of("allowedProviders", List.of("sim-mid")));
        assertThat(call(client, team).providerId()).isEqualTo("sim-mid");

        admin.delete("/api/v1/policies/" + department);
        assertThat(call(client, team).providerId()).isEqualTo("sim-fast");
    }

    @Test
    void a_markup_set_or_cleared_on_this_node_prices_the_very_next_call() {
        String department = unit("DEPARTMENT", companyId, "Support");
        GatewayClient client = keyOn(department);
        int before = call(client, department).markupBasisPoints();

        admin.put("/api/v1/markups/" + department, Map.of("markupBasisPoints", before + 777));
        assertThat(call(client, department).markupBasisPoints()).isEqualTo(before + 777);

        admin.delete("/api/v1/markups/" + department);
        assertThat(call(client, department).markupBasisPoints()).isEqualTo(before);
    }

    @Test
    void a_team_moved_on_this_node_is_charged_along_its_new_path_at_once() {
        String cheap = unit("DEPARTMENT", companyId, "Cheap");
        String dear = unit("DEPARTMENT", companyId, "Dear");
        admin.put("/api/v1/markups/" + cheap, Map.of("markupBasisPoints", 1_000));
        admin.put("/api/v1/markups/" + dear, Map.of("markupBasisPoints", 3_000));
        String team = unit("TEAM", cheap, "Movers");
        GatewayClient client = keyOn(team);
        assertThat(call(client, team).markupBasisPoints()).isEqualTo(1_000);

        ApiClient.Response moved = admin.post("/api/v1/org-units/" + team + "/move", Map.of("parentId", dear));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        assertThat(call(client, team).markupBasisPoints()).isEqualTo(3_000);
    }
}

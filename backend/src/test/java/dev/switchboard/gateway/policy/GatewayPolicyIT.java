package dev.switchboard.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class GatewayPolicyIT {

    @LocalServerPort
    int port;

    @Test
    void a_team_narrows_what_its_department_allows() {
        ApiClient admin = ApiClient.asMaster(port);
        String companyId = admin.get("/api/v1/org-units/tree")
                .json()
                .path("unit")
                .path("id")
                .asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String department = admin.post(
                        "/api/v1/org-units",
                        Map.of("kind", "DEPARTMENT", "parentId", companyId, "name", "Legal " + suffix))
                .text("id");
        String team = admin.post(
                        "/api/v1/org-units",
                        Map.of("kind", "TEAM", "parentId", department, "name", "Contracts " + suffix))
                .text("id");

        Response dept = admin.put(
                "/api/v1/policies/" + department,
                Map.of("allowedProviders", List.of("sim-fast", "sim-mid"), "allowedRegions", List.of("us", "eu")));
        assertThat(dept.status()).as(dept.body()).isEqualTo(200);
        admin.put("/api/v1/policies/" + team, Map.of("allowedProviders", List.of("sim-mid", "sim-smart")));

        Response effective = admin.get("/api/v1/policies/" + team);

        assertThat(effective
                        .json()
                        .path("effective")
                        .path("allowedProviders")
                        .valueStream()
                        .map(v -> v.asString()))
                .containsExactly("sim-mid");
        assertThat(effective
                        .json()
                        .path("effective")
                        .path("allowedRegions")
                        .valueStream()
                        .map(v -> v.asString()))
                .containsExactlyInAnyOrder("us", "eu");
        assertThat(effective
                        .json()
                        .path("effective")
                        .path("allowedJurisdictions")
                        .isNull())
                .isTrue();

        assertThat(admin.delete("/api/v1/policies/" + team).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/policies/" + team).json().path("own").isNull())
                .isTrue();
    }

    @Test
    void only_admins_set_policies_and_unknown_units_are_404() {
        ApiClient carol = ApiClient.as(port, "carol", "carol-demo-pass");
        String companyId = carol.get("/api/v1/org-units/tree")
                .json()
                .path("unit")
                .path("id")
                .asString();

        assertThat(carol.put("/api/v1/policies/" + companyId, Map.of("allowedProviders", List.of()))
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.asMaster(port)
                        .get("/api/v1/policies/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }
}

package dev.switchboard.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OrgUnitApiIT {

    @LocalServerPort
    int port;

    ApiClient admin;
    String companyId;
    String suffix;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        companyId = admin.get("/api/v1/org-units/tree")
                .json()
                .path("unit")
                .path("id")
                .asString();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    private String create(String kind, String parentId, String name) {
        Response created = admin.post("/api/v1/org-units", Map.of("kind", kind, "parentId", parentId, "name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    @Test
    void creates_a_department_and_a_team_and_shows_them_in_the_tree() {
        String department = create("DEPARTMENT", companyId, "Research " + suffix);
        String team = create("TEAM", department, "Lab " + suffix);

        Response tree = admin.get("/api/v1/org-units/tree");

        assertThat(tree.status()).isEqualTo(200);
        assertThat(tree.json().path("unit").path("kind").asString()).isEqualTo("COMPANY");
        var departmentNode = tree.json()
                .path("children")
                .valueStream()
                .filter(n -> n.path("unit").path("id").asString().equals(department))
                .findFirst()
                .orElseThrow();
        assertThat(departmentNode
                        .path("children")
                        .get(0)
                        .path("unit")
                        .path("id")
                        .asString())
                .isEqualTo(team);
        assertThat(admin.get("/api/v1/org-units/" + team).text("name")).isEqualTo("Lab " + suffix);
    }

    @Test
    void the_demo_seed_created_the_documented_departments() {
        Response tree = admin.get("/api/v1/org-units/tree");
        var names = tree.json()
                .path("children")
                .valueStream()
                .map(n -> n.path("unit").path("name").asString())
                .toList();
        assertThat(names).contains("Marketing", "IT", "Finance", "Sales");
        var marketing = tree.json()
                .path("children")
                .valueStream()
                .filter(n -> n.path("unit").path("name").asString().equals("Marketing"))
                .findFirst()
                .orElseThrow();
        assertThat(marketing
                        .path("children")
                        .valueStream()
                        .filter(n -> n.path("unit").path("kind").asString().equals("TEAM"))
                        .map(n -> n.path("unit").path("name").asString()))
                .as("the seeded teams (other tests add projects under Marketing)")
                .containsExactly("Content", "Video");
    }

    @Test
    void blank_name_and_missing_kind_are_400_with_field_errors_and_create_nothing() {
        int before = admin.get("/api/v1/org-units?includeArchived=true").json().size();

        Response response = admin.post("/api/v1/org-units", Map.of("parentId", companyId, "name", "  "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:switchboard:problem:invalid-input");
        assertThat(response.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("kind", "name");
        assertThat(admin.get("/api/v1/org-units?includeArchived=true").json().size())
                .isEqualTo(before);
    }

    @Test
    void unknown_kind_and_malformed_json_are_400() {
        Response unknownKind =
                admin.post("/api/v1/org-units", Map.of("kind", "GALAXY", "parentId", companyId, "name", "x" + suffix));
        assertThat(unknownKind.status()).isEqualTo(400);

        Response malformed = admin.postRaw("/api/v1/org-units", "{\"kind\": \"TEAM\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("type")).isEqualTo("urn:switchboard:problem:unreadable-body");
    }

    @Test
    void a_team_cannot_sit_directly_under_the_company() {
        Response response = admin.post(
                "/api/v1/org-units", Map.of("kind", "TEAM", "parentId", companyId, "name", "Stray " + suffix));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("parentId");
        assertThat(response.text("detail")).contains("cannot be placed under a company");
    }

    @Test
    void sibling_names_are_unique_ignoring_case() {
        create("DEPARTMENT", companyId, "Legal " + suffix);

        Response duplicate = admin.post(
                "/api/v1/org-units", Map.of("kind", "DEPARTMENT", "parentId", companyId, "name", "LEGAL " + suffix));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.text("detail")).contains("already exists");
    }

    @Test
    void renames_and_moves_a_team_between_departments() {
        String from = create("DEPARTMENT", companyId, "From " + suffix);
        String to = create("DEPARTMENT", companyId, "To " + suffix);
        String team = create("TEAM", from, "Movers " + suffix);

        assertThat(admin.patch("/api/v1/org-units/" + team, Map.of("name", "Shakers " + suffix))
                        .text("name"))
                .isEqualTo("Shakers " + suffix);
        Response moved = admin.post("/api/v1/org-units/" + team + "/move", Map.of("parentId", to));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/org-units/" + team).text("parentId")).isEqualTo(to);
    }

    @Test
    void moving_a_unit_under_its_own_descendant_is_refused_and_changes_nothing() {
        String outer = create("DEPARTMENT", companyId, "Outer " + suffix);
        String inner = create("DEPARTMENT", outer, "Inner " + suffix);

        Response cycle = admin.post("/api/v1/org-units/" + outer + "/move", Map.of("parentId", inner));

        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.text("detail")).contains("under itself or one of its descendants");
        assertThat(admin.get("/api/v1/org-units/" + outer).text("parentId")).isEqualTo(companyId);
    }

    @Test
    void archiving_needs_the_children_archived_first_and_restore_brings_a_unit_back() {
        String department = create("DEPARTMENT", companyId, "Temp " + suffix);
        String project = create("PROJECT", department, "Pilot " + suffix);

        Response refused = admin.post("/api/v1/org-units/" + department + "/archive", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("Pilot " + suffix);

        assertThat(admin.post("/api/v1/org-units/" + project + "/archive", null).text("status"))
                .isEqualTo("archived");
        assertThat(admin.delete("/api/v1/org-units/" + department).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/org-units")
                        .json()
                        .valueStream()
                        .map(n -> n.path("id").asString()))
                .doesNotContain(department, project);

        assertThat(admin.post("/api/v1/org-units/" + project + "/restore", null).status())
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/org-units/" + department + "/restore", null)
                        .text("status"))
                .isEqualTo("active");
    }

    @Test
    void unknown_ids_are_404_and_malformed_ids_400() {
        Response missing = admin.get("/api/v1/org-units/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("type")).isEqualTo("urn:switchboard:problem:not-found");

        assertThat(admin.get("/api/v1/org-units/not-a-uuid").status()).isEqualTo(400);
        Response typo = admin.get("/api/v1/org-unitz");
        assertThat(typo.status()).isEqualTo(404);
        assertThat(typo.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_company_cannot_be_archived_or_duplicated() {
        assertThat(admin.post("/api/v1/org-units/" + companyId + "/archive", null)
                        .status())
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/org-units", Map.of("kind", "COMPANY", "name", "Other Corp"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void everyone_signed_in_may_read_but_only_admins_may_change() {
        ApiClient carol = ApiClient.as(port, "carol", "carol-demo-pass");

        assertThat(carol.get("/api/v1/org-units/tree").status()).isEqualTo(200);
        Response forbidden = carol.post(
                "/api/v1/org-units", Map.of("kind", "DEPARTMENT", "parentId", companyId, "name", "Shadow " + suffix));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("type")).isEqualTo("urn:switchboard:problem:forbidden");
        assertThat(admin.get("/api/v1/org-units")
                        .json()
                        .valueStream()
                        .map(n -> n.path("name").asString()))
                .doesNotContain("Shadow " + suffix);
    }

    @Test
    void requests_without_or_with_wrong_credentials_are_401() {
        assertThat(ApiClient.withAuthorization(port, null)
                        .get("/api/v1/org-units")
                        .status())
                .isEqualTo(401);
        Response wrongKey = ApiClient.withAuthorization(port, "Bearer nope").get("/api/v1/org-units");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.text("type")).isEqualTo("urn:switchboard:problem:unauthorized");
        assertThat(ApiClient.as(port, "carol", "wrong-password")
                        .get("/api/v1/org-units")
                        .status())
                .isEqualTo(401);
    }
}

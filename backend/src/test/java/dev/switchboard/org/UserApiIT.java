package dev.switchboard.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class UserApiIT {

    @LocalServerPort
    int port;

    ApiClient admin;
    String companyId;
    String username;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        companyId = admin.get("/api/v1/org-units/tree")
                .json()
                .path("unit")
                .path("id")
                .asString();
        username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response createUser(String role) {
        return admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        username,
                        "displayName",
                        "Test User",
                        "email",
                        username + "@example.com",
                        "password",
                        "correct-horse-battery",
                        "roles",
                        List.of(role),
                        "memberships",
                        List.of(companyId)));
    }

    @Test
    void creates_a_user_who_can_then_sign_in_with_basic_auth() {
        Response created = createUser("viewer");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("roles").get(0).asString()).isEqualTo("viewer");
        assertThat(created.body()).doesNotContain("correct-horse-battery").doesNotContain("$2a$");
        Response me = ApiClient.as(port, username, "correct-horse-battery").get("/api/v1/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(username);
    }

    @Test
    void invalid_users_get_field_errors_and_nothing_is_created() {
        Response response = admin.post(
                "/api/v1/users",
                Map.of(
                        "username", "9 bad name",
                        "displayName", "",
                        "email", "not-an-email",
                        "password", "short",
                        "roles", List.of()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains("displayName", "email", "password", "roles");
        assertThat(admin.get("/api/v1/users")
                        .json()
                        .valueStream()
                        .map(u -> u.path("username").asString()))
                .doesNotContain("9 bad name");
    }

    @Test
    void an_unknown_role_is_a_400_naming_the_known_roles() {
        Response response = admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        username,
                        "displayName",
                        "X",
                        "password",
                        "correct-horse-battery",
                        "roles",
                        List.of("wizard")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("wizard").contains("platform-admin");
    }

    @Test
    void a_taken_username_is_refused() {
        createUser("viewer");
        Response again = createUser("viewer");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("detail")).contains("is taken");
    }

    @Test
    void changes_roles_memberships_and_disables_a_user() {
        String id = createUser("viewer").text("id");
        String it = admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .filter(u -> u.path("name").asString().equals("IT"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();

        Response roles = admin.put("/api/v1/users/" + id + "/roles", Map.of("roles", List.of("designer", "operator")));
        assertThat(roles.json().path("roles").valueStream().map(r -> r.asString()))
                .containsExactlyInAnyOrder("designer", "operator");
        Response memberships = admin.put("/api/v1/users/" + id + "/memberships", Map.of("orgUnitIds", List.of(it)));
        assertThat(memberships.json().path("memberships").get(0).asString()).isEqualTo(it);

        assertThat(admin.delete("/api/v1/users/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/users/" + id).json().path("enabled").asBoolean())
                .isFalse();
        assertThat(ApiClient.as(port, username, "correct-horse-battery")
                        .get("/api/v1/users/me")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void membership_of_an_unknown_org_unit_is_a_400() {
        String id = createUser("viewer").text("id");
        Response response =
                admin.put("/api/v1/users/" + id + "/memberships", Map.of("orgUnitIds", List.of(UUID.randomUUID())));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("memberships");
    }

    @Test
    void the_last_enabled_platform_admin_cannot_lose_the_role() {
        String adminId = admin.get("/api/v1/users")
                .json()
                .valueStream()
                .filter(u -> u.path("username").asString().equals("admin"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        long admins = admin.get("/api/v1/users")
                .json()
                .valueStream()
                .filter(u -> u.path("enabled").asBoolean())
                .filter(u ->
                        u.path("roles").valueStream().anyMatch(r -> r.asString().equals("platform-admin")))
                .count();
        org.junit.jupiter.api.Assumptions.assumeTrue(admins == 1, "another test made a second admin");

        Response response = admin.put("/api/v1/users/" + adminId + "/roles", Map.of("roles", List.of("viewer")));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("detail")).contains("last enabled platform admin");
    }

    @Test
    void non_admins_cannot_manage_users() {
        ApiClient bob = ApiClient.as(port, "bob", "bob-demo-pass");
        assertThat(bob.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(bob.get("/api/v1/users/me").text("username")).isEqualTo("bob");
    }

    @Test
    void unknown_user_is_404() {
        assertThat(admin.get("/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}

package dev.switchboard.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@Import(ApiKeyApiIT.MovableTime.class)
class ApiKeyApiIT {

    /** Only this test class's context gets a clock it can move (a separate cached context). */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient alice;
    ApiClient bob;
    ApiClient carol;
    Map<String, String> units;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        alice = ApiClient.as(port, "alice", "alice-demo-pass");
        bob = ApiClient.as(port, "bob", "bob-demo-pass");
        carol = ApiClient.as(port, "carol", "carol-demo-pass");
        units = new HashMap<>();
        admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .forEach(u -> units.putIfAbsent(
                        u.path("name").asString(), u.path("id").asString()));
    }

    private Response create(ApiClient client, String unit, String name) {
        return client.post("/api/v1/keys", Map.of("orgUnitId", unit, "name", name));
    }

    private String createdSecret(ApiClient client, String unit, String name) {
        Response created = create(client, unit, name);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("secret");
    }

    private String idOf(String secret) {
        return apiKeys.authenticate(secret).orElseThrow().id().toString();
    }

    @Test
    void a_new_key_shows_its_secret_once_and_authenticates() {
        Response created = create(admin, units.get("Marketing"), "campaign bot");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.text("secret");
        String id = created.json().path("key").path("id").asString();
        assertThat(secret).matches("sk-sb-[A-Za-z0-9_-]{43}");
        assertThat(created.json().path("key").path("prefix").asString()).isEqualTo(secret.substring(0, 10));
        assertThat(created.json().path("key").path("status").asString()).isEqualTo("active");
        assertThat(created.json().path("key").path("createdBy").asString()).isEqualTo("master-key");

        Response fetched = admin.get("/api/v1/keys/" + id);
        Response listed = admin.get("/api/v1/keys?orgUnitId=" + units.get("Marketing"));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text("name")).isEqualTo("campaign bot");
        assertThat(fetched.body()).doesNotContain(secret).doesNotContain(secret.substring(10));
        assertThat(listed.body()).contains(id).doesNotContain(secret.substring(10));
        String storedRow = jdbc.sql("SELECT row_to_json(k)::text FROM api_key k WHERE id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(storedRow).doesNotContain(secret.substring(10)).contains(KeySecrets.sha256Hex(secret));

        AuthenticatedKey authenticated = apiKeys.authenticate(secret).orElseThrow();
        assertThat(authenticated.id().toString()).isEqualTo(id);
        assertThat(authenticated.orgUnitId().toString()).isEqualTo(units.get("Marketing"));
        assertThat(authenticated.projectId()).isNull();
        assertThat(authenticated.name()).isEqualTo("campaign bot");
    }

    @Test
    void unknown_and_malformed_secrets_are_refused() {
        assertThat(apiKeys.authenticate(KeySecrets.generate())).isEmpty();
        assertThat(apiKeys.authenticate("Bearer nonsense")).isEmpty();
        assertThat(apiKeys.authenticate(null)).isEmpty();
        assertThat(apiKeys.authenticate(ApiClient.MASTER_KEY)).isEmpty();
    }

    @Test
    void a_revoked_key_is_refused_at_once_even_though_it_was_cached() {
        String secret = createdSecret(admin, units.get("IT"), "ops");
        String id = idOf(secret);

        Response revoked = admin.post("/api/v1/keys/" + id + "/revoke", Map.of());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("revoked");
        assertThat(revoked.json().path("revokedAt").isNull()).isFalse();
        assertThat(apiKeys.authenticate(secret)).isEmpty();
        assertThat(admin.get("/api/v1/keys/" + id).text("status")).isEqualTo("revoked");
    }

    @Test
    void delete_revokes_and_the_key_stays_listed() {
        String secret = createdSecret(admin, units.get("IT"), "to delete");
        String id = idOf(secret);

        Response deleted = admin.delete("/api/v1/keys/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(apiKeys.authenticate(secret)).isEmpty();
        assertThat(admin.get("/api/v1/keys/" + id).text("status")).isEqualTo("revoked");
    }

    @Test
    void an_expired_key_is_refused_even_from_the_cache() {
        Instant expiresAt = clock.instant().plusSeconds(10);
        Response created = admin.post(
                "/api/v1/keys",
                Map.of("orgUnitId", units.get("Sales"), "name", "short-lived", "expiresAt", expiresAt.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(apiKeys.authenticate(secret)).isPresent();

        // within the cache's 30 s: the entry is still cached, the expiry is checked anyway
        ((MutableClock) clock).advance(Duration.ofSeconds(15));

        assertThat(apiKeys.authenticate(secret)).isEmpty();
        String id = created.json().path("key").path("id").asString();
        assertThat(admin.get("/api/v1/keys/" + id).text("status")).isEqualTo("expired");
    }

    @Test
    void a_key_can_be_charged_to_a_project_under_its_unit() {
        Response project = admin.post(
                "/api/v1/org-units",
                Map.of("kind", "PROJECT", "parentId", units.get("Marketing"), "name", "Launch " + suffix()));
        assertThat(project.status()).as(project.body()).isEqualTo(201);

        Response created = admin.post(
                "/api/v1/keys",
                Map.of("orgUnitId", units.get("Marketing"), "projectId", project.text("id"), "name", "launch"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(apiKeys.authenticate(created.text("secret"))
                        .orElseThrow()
                        .projectId()
                        .toString())
                .isEqualTo(project.text("id"));
        assertThat(admin.get("/api/v1/keys?orgUnitId=" + project.text("id")).body())
                .contains(created.json().path("key").path("id").asString());
    }

    @Test
    void keys_of_an_archived_unit_stop_working() {
        Response unit = admin.post(
                "/api/v1/org-units", Map.of("kind", "DEPARTMENT", "parentId", companyId(), "name", "Temp " + suffix()));
        String secret = createdSecret(admin, unit.text("id"), "temp");

        admin.post("/api/v1/org-units/" + unit.text("id") + "/archive", Map.of());

        assertThat(apiKeys.authenticate(secret)).isEmpty();
        Response onArchived = create(admin, unit.text("id"), "another");
        assertThat(onArchived.status()).isEqualTo(400);
        assertThat(onArchived.text("detail")).contains("archived");
    }

    @Test
    void bad_input_is_400_with_the_offending_fields() {
        Response missing = admin.post("/api/v1/keys", Map.of("name", " "));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("name", "orgUnitId");

        Response unknownUnit = create(admin, UUID.randomUUID().toString(), "x");
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(unknownUnit.json().path("errors").get(0).path("field").asString())
                .isEqualTo("orgUnitId");

        Response teamAsProject = admin.post(
                "/api/v1/keys",
                Map.of("orgUnitId", units.get("Marketing"), "projectId", units.get("Content"), "name", "x"));
        assertThat(teamAsProject.status()).isEqualTo(400);
        assertThat(teamAsProject.text("detail")).contains("projectId").contains("not a PROJECT");

        Response past = admin.post(
                "/api/v1/keys",
                Map.of(
                        "orgUnitId",
                        units.get("Marketing"),
                        "name",
                        "x",
                        "expiresAt",
                        clock.instant().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresAt");

        assertThat(admin.postRaw("/api/v1/keys", "{\"name\": ").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/keys/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void unknown_keys_are_404() {
        String unknown = UUID.randomUUID().toString();

        assertThat(admin.get("/api/v1/keys/" + unknown).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/keys/" + unknown + "/revoke", Map.of()).status())
                .isEqualTo(404);
        assertThat(admin.delete("/api/v1/keys/" + unknown).status()).isEqualTo(404);
    }

    @Test
    void designers_and_operators_manage_the_keys_of_their_own_units_only() {
        // alice: designer in Marketing (also covers its team Content); bob: operator in IT
        Response aliceKey = create(alice, units.get("Marketing"), "alice's");
        assertThat(aliceKey.status()).as(aliceKey.body()).isEqualTo(201);
        assertThat(aliceKey.json().path("key").path("createdBy").asString()).isEqualTo("alice");
        assertThat(create(alice, units.get("Content"), "for the team").status()).isEqualTo(201);
        String aliceKeyId = aliceKey.json().path("key").path("id").asString();
        Response bobKey = create(bob, units.get("IT"), "bob's");
        assertThat(bobKey.status()).isEqualTo(201);

        assertThat(create(alice, units.get("IT"), "not mine").status()).isEqualTo(403);
        assertThat(bob.get("/api/v1/keys/" + aliceKeyId).status()).isEqualTo(403);
        assertThat(bob.post("/api/v1/keys/" + aliceKeyId + "/revoke", Map.of()).status())
                .isEqualTo(403);
        assertThat(alice.get("/api/v1/keys?orgUnitId=" + units.get("IT")).status())
                .isEqualTo(403);
        Response aliceList = alice.get("/api/v1/keys");
        assertThat(aliceList.status()).isEqualTo(200);
        assertThat(aliceList.body())
                .contains(aliceKeyId)
                .doesNotContain(bobKey.json().path("key").path("id").asString());
        assertThat(apiKeys.authenticate(aliceKey.text("secret"))).isPresent();

        // carol is finance: no key management at all
        assertThat(create(carol, units.get("Finance"), "carol's").status()).isEqualTo(403);
        assertThat(carol.get("/api/v1/keys").status()).isEqualTo(403);
    }

    @Test
    void signing_in_is_required() {
        assertThat(ApiClient.withAuthorization(port, null).get("/api/v1/keys").status())
                .isEqualTo(401);
    }

    private String companyId() {
        return admin.get("/api/v1/org-units/tree")
                .json()
                .path("unit")
                .path("id")
                .asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

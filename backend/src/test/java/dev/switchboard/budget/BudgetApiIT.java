package dev.switchboard.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BudgetApiIT {

    @LocalServerPort
    int port;

    @Autowired
    BudgetGuard guard;

    ApiClient admin;
    ApiClient alice;
    ApiClient bob;
    ApiClient carol;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        alice = ApiClient.as(port, "alice", "alice-demo-pass");
        bob = ApiClient.as(port, "bob", "bob-demo-pass");
        carol = ApiClient.as(port, "carol", "carol-demo-pass");
    }

    private String unitNamed(String name) {
        return admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .filter(u -> u.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    private String createUnit(String kind, String parentId) {
        Response created = admin.post(
                "/api/v1/org-units",
                Map.of("kind", kind, "parentId", parentId, "name", kind + " " + UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private String department() {
        return createUnit(
                "DEPARTMENT",
                admin.get("/api/v1/org-units")
                        .json()
                        .valueStream()
                        .filter(u -> u.path("kind").asString().equals("COMPANY"))
                        .findFirst()
                        .orElseThrow()
                        .path("id")
                        .asString());
    }

    private static Map<String, Object> monthly(String unit, long micros) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitId", unit);
        body.put("name", "Monthly " + UUID.randomUUID().toString().substring(0, 8));
        body.put("amountMicros", micros);
        body.put("currency", "USD");
        body.put("period", "MONTHLY");
        body.put("enforcement", "HARD");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private List<JsonNode> budgetsOf(ApiClient client, String unit) {
        return client.get("/api/v1/budgets?includeArchived=true&orgUnitId=" + unit)
                .json()
                .valueStream()
                .toList();
    }

    @Test
    void admin_creates_a_budget_and_reads_its_current_period() {
        String unit = department();

        Response created = admin.post("/api/v1/budgets", with(monthly(unit, 5_000_000), "thresholds", null));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode budget = created.json();
        assertThat(budget.path("orgUnitId").asString()).isEqualTo(unit);
        assertThat(budget.path("amountMicros").asLong()).isEqualTo(5_000_000);
        assertThat(budget.path("period").asString()).isEqualTo("MONTHLY");
        assertThat(budget.path("enforcement").asString()).isEqualTo("HARD");
        assertThat(budget.path("thresholds").valueStream().map(JsonNode::asInt)).containsExactly(50, 80, 100);
        JsonNode current = budget.path("current");
        assertThat(current.path("spentMicros").asLong()).isZero();
        assertThat(current.path("remainingMicros").asLong()).isEqualTo(5_000_000);
        Instant nextMonth = YearMonth.now(ZoneOffset.UTC)
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        assertThat(Instant.parse(current.path("resetsAt").asString())).isEqualTo(nextMonth);
        assertThat(created.contentType()).contains("json");

        Response read = admin.get("/api/v1/budgets/" + budget.path("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("name").asString())
                .isEqualTo(budget.path("name").asString());
    }

    @Test
    void the_current_period_shows_what_calls_in_flight_hold() {
        String unit = department();
        String id = admin.post("/api/v1/budgets", monthly(unit, 5_000_000)).text("id");

        Reservation held = guard.reserve(
                "req-" + UUID.randomUUID(), OrgUnitId.of(unit), null, Currency.getInstance("USD"), 1_250_000);
        JsonNode current = admin.get("/api/v1/budgets/" + id).json().path("current");
        guard.release(held);

        assertThat(current.path("reservedMicros").asLong()).isEqualTo(1_250_000);
        assertThat(current.path("remainingMicros").asLong()).isEqualTo(3_750_000);
        assertThat(admin.get("/api/v1/budgets/" + id)
                        .json()
                        .path("current")
                        .path("reservedMicros")
                        .asLong())
                .isZero();
    }

    @Test
    void bad_input_is_a_problem_detail_naming_the_field_and_changes_nothing() {
        String unit = department();
        Map<String, Object> good = monthly(unit, 5_000_000);
        Map<String, Map<String, Object>> bad = Map.of(
                "amountMicros", with(good, "amountMicros", -1),
                "period", with(good, "period", "WEEKLY"),
                "customDays", with(good, "period", "CUSTOM"),
                "currency", with(good, "currency", "DOLLARS"),
                "thresholds", with(good, "thresholds", List.of(50, 0)),
                "enforcement", with(good, "enforcement", "STRICT"),
                "name", with(good, "name", ""));
        bad.forEach((field, body) -> {
            Response response = admin.post("/api/v1/budgets", body);
            assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
            assertThat(response.text("type")).isEqualTo("urn:switchboard:problem:invalid-input");
            assertThat(response.json()
                            .path("errors")
                            .valueStream()
                            .map(e -> e.path("field").asString()))
                    .as(response.body())
                    .contains(field);
        });
        Response both = admin.post(
                "/api/v1/budgets", with(good, "apiKeyId", UUID.randomUUID().toString()));
        Response unknownUnit = admin.post(
                "/api/v1/budgets", with(good, "orgUnitId", UUID.randomUUID().toString()));
        Response unknownKey = admin.post(
                "/api/v1/budgets",
                with(
                        with(good, "orgUnitId", null),
                        "apiKeyId",
                        UUID.randomUUID().toString()));
        Response unreadable = admin.postRaw("/api/v1/budgets", "{\"orgUnitId\": ");

        assertThat(both.status()).isEqualTo(400);
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(unknownUnit.body()).contains("orgUnitId");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.body()).contains("apiKeyId");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(budgetsOf(admin, unit)).isEmpty();
    }

    @Test
    void only_admins_and_finance_write_budgets() {
        String unit = department();

        Response byAlice = alice.post("/api/v1/budgets", monthly(unit, 1_000_000));
        Response byBob = bob.post("/api/v1/budgets", monthly(unit, 1_000_000));
        Response byCarol = carol.post("/api/v1/budgets", monthly(unit, 1_000_000));

        assertThat(byAlice.status()).isEqualTo(403);
        assertThat(byAlice.text("type")).isEqualTo("urn:switchboard:problem:forbidden");
        assertThat(byBob.status()).isEqualTo(403);
        assertThat(byCarol.status()).isEqualTo(201);
        String id = byCarol.text("id");
        assertThat(alice.put(
                                "/api/v1/budgets/" + id,
                                Map.of("name", "x", "amountMicros", 1, "enforcement", "SOFT", "thresholds", List.of()))
                        .status())
                .isEqualTo(403);
        assertThat(alice.delete("/api/v1/budgets/" + id).status()).isEqualTo(403);
        assertThat(budgetsOf(admin, unit)).singleElement().satisfies(b -> {
            assertThat(b.path("amountMicros").asLong()).isEqualTo(1_000_000);
            assertThat(b.path("archivedAt").isNull()).isTrue();
        });
    }

    @Test
    void members_read_the_budgets_of_their_units_and_the_units_below_only() {
        String marketing = unitNamed("Marketing"); // alice is a member
        String elsewhere = department();
        // soft and huge: the demo department's calls in other tests must not feel it
        String ours = admin.post("/api/v1/budgets", with(monthly(marketing, 1_000_000_000_000L), "enforcement", "SOFT"))
                .text("id");
        String theirs =
                admin.post("/api/v1/budgets", monthly(elsewhere, 1_000_000)).text("id");
        try {
            assertThat(alice.get("/api/v1/budgets/" + ours).status()).isEqualTo(200);
            assertThat(alice.get("/api/v1/budgets/" + theirs).status()).isEqualTo(403);
            assertThat(alice.get("/api/v1/budgets")
                            .json()
                            .valueStream()
                            .map(b -> b.path("id").asString()))
                    .contains(ours)
                    .doesNotContain(theirs);
            assertThat(alice.get("/api/v1/budgets?orgUnitId=" + elsewhere).status())
                    .isEqualTo(403);
            assertThat(bob.get("/api/v1/budgets")
                            .json()
                            .valueStream()
                            .map(b -> b.path("id").asString()))
                    .doesNotContain(ours, theirs);
            assertThat(carol.get("/api/v1/budgets/" + theirs).status()).isEqualTo(200);
        } finally {
            admin.delete("/api/v1/budgets/" + ours);
        }
    }

    @Test
    void update_changes_amount_and_thresholds_and_archive_keeps_the_budget() {
        String unit = department();
        String id = admin.post("/api/v1/budgets", monthly(unit, 1_000_000)).text("id");
        Map<String, Object> change = Map.of(
                "name", "Renamed", "amountMicros", 2_000_000, "enforcement", "SOFT", "thresholds", List.of(90, 75));

        Response updated = admin.put("/api/v1/budgets/" + id, change);
        Response otherCurrency = admin.put("/api/v1/budgets/" + id, with(change, "currency", "EUR"));
        Response unknown = admin.put("/api/v1/budgets/" + UUID.randomUUID(), change);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("Renamed");
        assertThat(updated.json().path("current").path("limitMicros").asLong()).isEqualTo(2_000_000);
        assertThat(updated.json().path("thresholds").valueStream().map(JsonNode::asInt))
                .containsExactly(75, 90);
        assertThat(otherCurrency.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("type")).isEqualTo("urn:switchboard:problem:not-found");

        assertThat(admin.delete("/api/v1/budgets/" + id).status()).isEqualTo(204);
        JsonNode archived = admin.get("/api/v1/budgets/" + id).json();
        assertThat(archived.path("archivedAt").isNull()).isFalse();
        assertThat(archived.path("current").isNull()).isTrue();
        assertThat(admin.get("/api/v1/budgets?orgUnitId=" + unit).json().valueStream())
                .isEmpty();
        assertThat(budgetsOf(admin, unit)).hasSize(1);
        assertThat(admin.put("/api/v1/budgets/" + id, change).status()).isEqualTo(409);
    }

    @Test
    void a_budget_on_an_api_key_is_read_by_the_members_of_the_keys_unit() {
        String marketing = unitNamed("Marketing");
        Response key =
                admin.post("/api/v1/keys", Map.of("orgUnitId", marketing, "name", "budgeted " + UUID.randomUUID()));
        String keyId = key.json().path("key").path("id").asString();
        Map<String, Object> body = with(with(monthly(null, 3_000_000), "orgUnitId", null), "apiKeyId", keyId);

        Response created = admin.post("/api/v1/budgets", body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("apiKeyId")).isEqualTo(keyId);
        assertThat(created.json().path("orgUnitId").isNull()).isTrue();
        String id = created.text("id");
        assertThat(alice.get("/api/v1/budgets/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/budgets/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/budgets?apiKeyId=" + keyId).json().valueStream())
                .hasSize(1);
        admin.delete("/api/v1/budgets/" + id);
    }
}

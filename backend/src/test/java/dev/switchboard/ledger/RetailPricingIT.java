package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Price plans over real HTTP and the real database, and the gateway charging through them. */
@IntegrationTest
class RetailPricingIT {

    static final Money WHOLESALE = Money.ofMicros(1_000, "USD");

    @LocalServerPort
    int port;

    @Autowired
    RetailPricing pricing;

    @Autowired
    UsageLedger ledger;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient carol;
    ApiClient alice;
    String marketing;
    String content;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        carol = ApiClient.as(port, "carol", "carol-demo-pass"); // finance
        alice = ApiClient.as(port, "alice", "alice-demo-pass"); // designer, Marketing
        Map<String, String> units = new HashMap<>();
        admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .forEach(u -> units.putIfAbsent(
                        u.path("name").asString(), u.path("id").asString()));
        marketing = units.get("Marketing");
        content = units.get("Content");
    }

    /**
     * A fresh unit per test (under Marketing's Content team: other tests pin the departments and
     * Marketing's teams): the test database outlives test runs, and assignments must not leak.
     */
    String unit(String kind, String parent) {
        Response created = admin.post(
                "/api/v1/org-units", Map.of("kind", kind, "parentId", parent, "name", "pricing-" + UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    String plan(ApiClient client, String currency) {
        Response created = client.post(
                "/api/v1/price-plans",
                Map.of("name", "plan-" + UUID.randomUUID(), "description", "test", "currency", currency));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    Response addPrice(ApiClient client, String plan, String model, long input, long cached, long output) {
        return client.post(
                "/api/v1/price-plans/" + plan + "/prices",
                Map.of(
                        "model",
                        model,
                        "inputMicrosPerMTok",
                        input,
                        "cachedInputMicrosPerMTok",
                        cached,
                        "outputMicrosPerMTok",
                        output));
    }

    RetailQuote quote(String unit, String model) {
        return pricing.retailFor(OrgUnitId.of(unit), model, 100, 0, 50, WHOLESALE);
    }

    @Test
    void finance_creates_prices_and_assigns_a_plan_and_units_below_are_priced_by_it_at_once() {
        String department = unit("TEAM", content);
        String team = unit("TEAM", department);
        String plan = plan(carol, "USD");
        assertThat(addPrice(carol, plan, "gpt-x", 1_000_000, 500_000, 2_000_000).status())
                .isEqualTo(201);
        assertThat(quote(team, "gpt-x").markupBasisPoints()).isEqualTo(2000); // cached: the default markup

        Response assigned = carol.put("/api/v1/price-plans/assignments/" + department, Map.of("planId", plan));

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.text("setPlanId")).isEqualTo(plan);
        RetailQuote quote = quote(team, "gpt-x"); // this node forgot what it cached
        assertThat(quote.pricePlanId()).isEqualTo(PricePlanId.of(plan));
        assertThat(quote.retail()).isEqualTo(Money.ofMicros(100 + 100, "USD"));
        Response teamView = alice.get("/api/v1/price-plans/assignments/" + team);
        assertThat(teamView.json().path("setPlanId").isNull()).isTrue();
        assertThat(teamView.text("effectivePlanId")).isEqualTo(plan);
        Response read = alice.get("/api/v1/price-plans/" + plan);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()
                        .path("currentPrices")
                        .get(0)
                        .path("outputMicrosPerMTok")
                        .asLong())
                .isEqualTo(2_000_000);
        assertThat(read.json().path("assignedTo").get(0).asString()).isEqualTo(department);
    }

    @Test
    void a_markup_set_on_a_child_takes_over_from_the_inherited_plan_at_once() {
        String department = unit("TEAM", content);
        String team = unit("TEAM", department);
        String plan = plan(carol, "USD");
        addPrice(carol, plan, "gpt-x", 1_000_000, 0, 1_000_000);
        carol.put("/api/v1/price-plans/assignments/" + department, Map.of("planId", plan));
        assertThat(quote(team, "gpt-x").pricePlanId()).isEqualTo(PricePlanId.of(plan));

        assertThat(carol.put("/api/v1/markups/" + team, Map.of("markupBasisPoints", 1000))
                        .status())
                .isEqualTo(200);

        assertThat(quote(team, "gpt-x").markupBasisPoints()).isEqualTo(1000);
        assertThat(quote(department, "gpt-x").pricePlanId()).isEqualTo(PricePlanId.of(plan));
    }

    @Test
    void members_read_plans_but_only_admins_and_finance_change_them() {
        String department = unit("TEAM", content);
        String plan = plan(admin, "USD");

        assertThat(alice.get("/api/v1/price-plans").status()).isEqualTo(200);
        Response denied =
                alice.post("/api/v1/price-plans", Map.of("name", "mine-" + UUID.randomUUID(), "currency", "USD"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(addPrice(alice, plan, "gpt-x", 1, 0, 1).status()).isEqualTo(403);
        assertThat(alice.put("/api/v1/price-plans/assignments/" + department, Map.of("planId", plan))
                        .status())
                .isEqualTo(403);

        Response after = admin.get("/api/v1/price-plans/" + plan);
        assertThat(after.json().path("history").size()).isZero();
        assertThat(after.json().path("assignedTo").size()).isZero();
    }

    @Test
    void bad_input_is_a_problem_detail_and_changes_nothing() {
        String plan = plan(carol, "USD");
        addPrice(carol, plan, "gpt-x", 1_000, 500, 2_000);

        Response negative = addPrice(carol, plan, "gpt-y", -1, 0, 1);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("type").asString()).isEqualTo("urn:switchboard:problem:invalid-input");
        assertThat(negative.json().path("errors").get(0).path("field").asString())
                .isEqualTo("inputMicrosPerMTok");
        assertThat(addPrice(carol, plan, "gpt-y", 100, 200, 1).status()).isEqualTo(400);
        assertThat(addPrice(carol, plan, "not a model", 1, 0, 1).status()).isEqualTo(400);
        Response past = carol.post(
                "/api/v1/price-plans/" + plan + "/prices",
                Map.of(
                        "model", "gpt-x",
                        "inputMicrosPerMTok", 1,
                        "cachedInputMicrosPerMTok", 0,
                        "outputMicrosPerMTok", 1,
                        "effectiveFrom", "2020-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("effectiveFrom");
        assertThat(carol.post("/api/v1/price-plans", Map.of("name", "x", "currency", "XYZ"))
                        .status())
                .isEqualTo(400);
        assertThat(carol.post("/api/v1/price-plans/" + plan + "/withdrawals", Map.of("model", "never-listed"))
                        .status())
                .isEqualTo(409);
        Response unknown =
                carol.put("/api/v1/price-plans/assignments/" + marketing, Map.of("planId", UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("urn:switchboard:problem:not-found");

        Response after = carol.get("/api/v1/price-plans/" + plan);
        assertThat(after.json().path("history").size()).isEqualTo(1);
        assertThat(carol.get("/api/v1/price-plans/assignments/" + marketing)
                        .json()
                        .path("setPlanId")
                        .isNull())
                .isTrue();
    }

    @Test
    void plan_prices_are_append_only_and_withdrawing_a_model_returns_it_to_the_markup_rule() {
        String department = unit("TEAM", content);
        String plan = plan(carol, "USD");
        addPrice(carol, plan, "gpt-x", 1_000_000, 0, 1_000_000);
        carol.put("/api/v1/price-plans/assignments/" + department, Map.of("planId", plan));

        assertThatThrownBy(() -> jdbc.sql("UPDATE price_plan_price SET input_micros_per_mtok = 0 WHERE plan_id = ?")
                        .param(UUID.fromString(plan))
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM price_plan_price WHERE plan_id = ?")
                        .param(UUID.fromString(plan))
                        .update())
                .hasMessageContaining("immutable");
        assertThat(addPrice(carol, plan, "gpt-x", 2_000_000, 0, 2_000_000).status())
                .isEqualTo(201);
        assertThat(quote(department, "gpt-x").retail().micros()).isEqualTo(300);

        Response withdrawn = carol.post("/api/v1/price-plans/" + plan + "/withdrawals", Map.of("model", "gpt-x"));

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(201);
        assertThat(quote(department, "gpt-x").markupBasisPoints()).isEqualTo(2000);
        assertThat(carol.get("/api/v1/price-plans/" + plan)
                        .json()
                        .path("history")
                        .size())
                .isEqualTo(3);
    }

    @Test
    void a_plan_in_use_cannot_be_archived_and_an_archived_plan_cannot_be_assigned() {
        String department = unit("TEAM", content);
        String plan = plan(carol, "USD");
        carol.put("/api/v1/price-plans/assignments/" + department, Map.of("planId", plan));

        assertThat(carol.delete("/api/v1/price-plans/" + plan).status()).isEqualTo(409);
        assertThat(carol.delete("/api/v1/price-plans/assignments/" + department).status())
                .isEqualTo(204);
        assertThat(carol.delete("/api/v1/price-plans/" + plan).status()).isEqualTo(204);

        Response assign = carol.put("/api/v1/price-plans/assignments/" + department, Map.of("planId", plan));
        assertThat(assign.status()).isEqualTo(409);
        assertThat(carol.get("/api/v1/price-plans")
                        .json()
                        .valueStream()
                        .map(p -> p.path("id").asString()))
                .doesNotContain(plan);
    }

    @Test
    void a_gateway_call_charged_to_a_unit_with_a_plan_records_the_plan_and_both_amounts() {
        String department = unit("TEAM", content);
        String plan = plan(carol, "USD");
        addPrice(carol, plan, "sim-chat", 2_000_000, 1_000_000, 4_000_000);
        carol.put("/api/v1/price-plans/assignments/" + department, Map.of("planId", plan));
        Response key = admin.post("/api/v1/keys", Map.of("orgUnitId", department, "name", "plan-test"));
        assertThat(key.status()).as(key.body()).isEqualTo(201);

        Response call = ApiClient.withAuthorization(port, "Bearer " + key.text("secret"))
                .post(
                        "/v1/chat/completions",
                        Map.of("model", "sim-chat", "messages", List.of(Map.of("role", "user", "content", "Hi"))));

        assertThat(call.status()).as(call.body()).isEqualTo(200);
        UsageEntry row = ledger.query(new UsageQuery(OrgUnitId.of(department), null, null, null, null, null, 10))
                .entries()
                .getFirst();
        assertThat(row.pricePlanId()).isEqualTo(PricePlanId.of(plan));
        assertThat(row.markupBasisPoints()).isNull();
        long uncached = row.inputTokens() - row.cachedTokens();
        // whole micros per token: 2 per uncached input, 1 per cached input, 4 per output token
        assertThat(row.retail().micros()).isEqualTo(2 * uncached + row.cachedTokens() + 4 * row.outputTokens());
        assertThat(row.wholesale().micros()).isPositive();
        Response usage = carol.get("/api/v1/usage?orgUnitId=" + department);
        assertThat(usage.json().path("entries").get(0).path("pricePlanId").asString())
                .isEqualTo(plan);
        assertThat(usage.json().path("entries").get(0).path("markupBasisPoints").isNull())
                .isTrue();
    }
}

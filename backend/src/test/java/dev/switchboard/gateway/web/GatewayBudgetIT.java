package dev.switchboard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Budgets on the gateway's path: reserve before upstream, settle after, 402 when a hard one is spent. */
@IntegrationTest
class GatewayBudgetIT {

    static final String CALL = """
            {"model":"sim-chat","max_tokens":40,"messages":[{"role":"user","content":"One line on budgets."}]}""";

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    ApiClient admin;
    String department;
    String keyId;
    GatewayClient client;

    @BeforeEach
    void departmentWithAKey() {
        admin = ApiClient.asMaster(port);
        String company = admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .filter(u -> u.path("parentId").isNull())
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        Response unit = admin.post(
                "/api/v1/org-units",
                Map.of("kind", "DEPARTMENT", "parentId", company, "name", "Budgeted " + UUID.randomUUID()));
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        department = unit.text("id");
        Response key = admin.post("/api/v1/keys", Map.of("orgUnitId", department, "name", "budget test"));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        keyId = key.json().path("key").path("id").asString();
        client = new GatewayClient(port, key.text("secret"));
    }

    private String budget(long micros) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitId", department);
        body.put("name", "Monthly hard");
        body.put("amountMicros", micros);
        body.put("currency", "USD");
        body.put("period", "MONTHLY");
        body.put("enforcement", "HARD");
        Response created = admin.post("/api/v1/budgets", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode current(String budgetId) {
        return admin.get("/api/v1/budgets/" + budgetId).json().path("current");
    }

    private List<UsageEntry> rowsOfKey() {
        return ledger.query(new UsageQuery(null, UUID.fromString(keyId), null, null, null, null, 1000))
                .entries();
    }

    private static long micros(String decimal) {
        return new BigDecimal(decimal).movePointRight(6).longValueExact();
    }

    @Test
    void a_hard_budget_that_cannot_take_the_worst_case_refuses_with_402_and_charges_nothing() {
        String budgetId = budget(1);

        GatewayClient.Reply refused = client.post("/v1/chat/completions", CALL);

        assertThat(refused.status()).isEqualTo(402);
        JsonNode error = refused.json().path("error");
        assertThat(error.path("type").asString()).isEqualTo("insufficient_quota");
        assertThat(error.path("code").asString()).isEqualTo("budget_exceeded");
        assertThat(error.path("message").asString()).contains("Monthly hard").contains("resets at");
        assertThat(error.path("budget").path("id").asString()).isEqualTo(budgetId);
        assertThat(error.path("budget").path("limit").decimalValue()).isEqualByComparingTo("0.000001");
        assertThat(error.path("budget").path("resets_at").asString()).isNotEmpty();
        assertThat(micros(error.path("budget").path("requested").asString())).isGreaterThan(1);
        assertThat(rowsOfKey()).isEmpty();
        assertThat(current(budgetId).path("spentMicros").asLong()).isZero();
        assertThat(current(budgetId).path("reservedMicros").asLong()).isZero();
    }

    @Test
    void every_answer_says_what_is_left_and_the_budget_is_charged_what_the_ledger_says() {
        String budgetId = budget(10_000_000);

        GatewayClient.Reply reply = client.post("/v1/chat/completions", CALL);

        assertThat(reply.status()).isEqualTo(200);
        long cost = micros(reply.header("x-switchboard-cost"));
        assertThat(reply.header("x-switchboard-budget-currency")).isEqualTo("USD");
        assertThat(reply.header("x-switchboard-budget-name")).isEqualTo("Monthly hard");
        assertThat(reply.header("x-switchboard-budget-resets-at")).isNotBlank();
        assertThat(micros(reply.header("x-switchboard-budget-remaining"))).isEqualTo(10_000_000 - cost);
        assertThat(current(budgetId).path("spentMicros").asLong()).isEqualTo(cost);
        assertThat(current(budgetId).path("reservedMicros").asLong()).isZero();
        assertThat(rowsOfKey())
                .singleElement()
                .satisfies(e -> assertThat(e.retail().micros()).isEqualTo(cost));
    }

    @Test
    void a_stream_says_what_is_left_in_its_headers_and_settles_into_the_budget() {
        String budgetId = budget(10_000_000);

        GatewayClient.Stream stream = client.stream(
                "/v1/chat/completions",
                "{\"model\":\"sim-chat\",\"stream\":true,\"max_tokens\":40,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"One line.\"}]}",
                10_000);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("x-switchboard-budget-remaining")).isNotBlank();
        long spent = current(budgetId).path("spentMicros").asLong();
        assertThat(spent).isPositive();
        assertThat(rowsOfKey())
                .singleElement()
                .satisfies(e -> assertThat(e.retail().micros()).isEqualTo(spent));
        assertThat(current(budgetId).path("reservedMicros").asLong()).isZero();
    }

    @Test
    void concurrent_calls_never_take_a_hard_budget_above_its_limit_and_the_ledger_matches_it() throws Exception {
        // what one call holds: learn it from a refusal, then allow about five at once
        String budgetId = budget(1);
        long worstCase = micros(client.post("/v1/chat/completions", CALL)
                .json()
                .path("error")
                .path("budget")
                .path("requested")
                .asString());
        long limit = 5 * worstCase + worstCase / 2;
        Response raised = admin.put(
                "/api/v1/budgets/" + budgetId,
                Map.of(
                        "name",
                        "Monthly hard",
                        "amountMicros",
                        limit,
                        "enforcement",
                        "HARD",
                        "thresholds",
                        List.of(50, 80, 100)));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);

        int ok = 0;
        int refused = 0;
        for (int wave = 0; wave < 30 && refused == 0; wave++) {
            List<Future<Integer>> calls = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(
                            () -> client.post("/v1/chat/completions", CALL).status()));
                }
            }
            for (Future<Integer> call : calls) {
                int status = call.get();
                assertThat(status)
                        .as("every call is served or refused by the budget")
                        .isIn(200, 402);
                if (status == 200) {
                    ok++;
                } else {
                    refused++;
                }
            }
            assertThat(current(budgetId).path("spentMicros").asLong()).isLessThanOrEqualTo(limit);
        }

        assertThat(refused).as("the budget ran out").isPositive();
        assertThat(ok).isPositive();
        List<UsageEntry> rows = rowsOfKey();
        assertThat(rows).hasSize(ok).allMatch(e -> e.status() == CallStatus.OK);
        long charged = rows.stream().mapToLong(e -> e.retail().micros()).sum();
        JsonNode period = current(budgetId);
        assertThat(period.path("spentMicros").asLong()).isEqualTo(charged).isLessThanOrEqualTo(limit);
        assertThat(period.path("reservedMicros").asLong()).isZero();
    }
}

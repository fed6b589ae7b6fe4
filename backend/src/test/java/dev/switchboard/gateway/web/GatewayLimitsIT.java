package dev.switchboard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The gateway enforces rate limits (429) and routes around providers whose prepaid balance is used up. */
@dev.switchboard.testsupport.IntegrationTest
class GatewayLimitsIT {

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    ApiClient admin;
    String suffix;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    private String unitId(String name) {
        return admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .filter(u -> u.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    @Test
    void a_key_over_its_requests_per_minute_gets_a_429_in_the_openai_shape_and_is_not_charged() {
        Response key = admin.post("/api/v1/keys", Map.of("orgUnitId", unitId("IT"), "name", "limited " + suffix));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        String keyId = key.json().path("key").path("id").asString();
        Map<String, Object> limits = new HashMap<>();
        limits.put("requestsPerMinute", 2);
        Response set = admin.put("/api/v1/rate-limits/api-keys/" + keyId, limits);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        // the window is the calendar minute: start well inside one
        await().atMost(Duration.ofSeconds(10)).until(() -> LocalTime.now().getSecond() < 50);

        GatewayClient client = new GatewayClient(port, key.text("secret"));
        assertThat(client.post("/v1/chat/completions", GatewayIT.HELLO).status())
                .isEqualTo(200);
        assertThat(client.post("/v1/chat/completions", GatewayIT.HELLO).status())
                .isEqualTo(200);
        GatewayClient.Reply refused = client.post("/v1/chat/completions", GatewayIT.HELLO);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(refused.json().path("error").path("message").asString()).contains("2 requests per minute");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(ledger.query(new UsageQuery(null, UUID.fromString(keyId), null, null, null, null, 10))
                        .entries())
                .as("the refused call has no ledger row")
                .hasSize(2);
    }

    @Test
    void a_provider_whose_prepaid_balance_is_used_up_is_avoided_until_it_is_topped_up() {
        String model = "lim-model-" + suffix;
        String cheap = provider("lim-cheap-" + suffix, model, 1_000_000);
        String dear = provider("lim-dear-" + suffix, model, 3_000_000);
        Map<String, Object> account = new HashMap<>();
        account.put("providerId", cheap);
        account.put("kind", "PREPAID");
        account.put("currency", "USD");
        account.put("initialAmountMicros", 1L); // less than one call costs
        account.put("reference", "PO-" + suffix);
        account.put("lowBalanceThresholdMicros", 0L);
        account.put("avoidWhenExhausted", true);
        Response opened = admin.post("/api/v1/procurement/accounts", account);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi.\"}]}";
        GatewayClient gateway = new GatewayClient(port, ApiClient.MASTER_KEY);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.post("/v1/chat/completions", body).status() == 200);

        // the calls so far drew the 1-micro balance below zero: the router now avoids the provider
        await().atMost(Duration.ofSeconds(10))
                .until(() -> excludedReasons(model).contains("balance_exhausted"));
        GatewayClient.Reply served = gateway.post("/v1/chat/completions", body);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("x-switchboard-provider")).isEqualTo(dear);

        Map<String, Object> topUp = Map.of("amountMicros", 50_000_000L, "currency", "USD", "reference", "T-" + suffix);
        assertThat(admin.post("/api/v1/procurement/accounts/" + cheap + "/top-ups", topUp)
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        cheap.equals(gateway.post("/v1/chat/completions", body).header("x-switchboard-provider")));
    }

    private List<String> excludedReasons(String model) {
        Response explained = admin.post(
                "/api/v1/route/explain",
                Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", "Say hi."))));
        return explained
                .json()
                .path("excluded")
                .valueStream()
                .map(e -> e.path("reason").asString())
                .toList();
    }

    /** A provider served by the built-in sim-fast simulator, with one deployment of {@code model}. */
    private String provider(String id, String model, long inputMicrosPerMTok) {
        Response provider = admin.post(
                "/api/v1/providers",
                Map.of(
                        "id", id,
                        "displayName", "Limits " + id,
                        "protocol", "OPENAI_COMPATIBLE",
                        "quirks", "openai",
                        "baseUrl", "http://127.0.0.1:" + port + "/simulated/sim-fast/v1",
                        "region", "local",
                        "jurisdiction", "self-hosted",
                        "apiKey", "simulated",
                        "enabled", true));
        assertThat(provider.status()).as(provider.body()).isEqualTo(201);
        Response deployment = admin.post(
                "/api/v1/models",
                Map.of(
                        "providerId",
                        id,
                        "modelName",
                        model,
                        "upstreamModelId",
                        "sim-fast",
                        "tier",
                        "STANDARD",
                        "capabilities",
                        List.of("STREAMING"),
                        "contextWindowTokens",
                        8192,
                        "maxOutputTokens",
                        1024));
        assertThat(deployment.status()).as(deployment.body()).isEqualTo(201);
        Response price = admin.post(
                "/api/v1/models/" + deployment.text("id") + "/prices",
                Map.of(
                        "inputMicrosPerMTok",
                        inputMicrosPerMTok,
                        "outputMicrosPerMTok",
                        4 * inputMicrosPerMTok,
                        "cachedInputMicrosPerMTok",
                        0,
                        "currency",
                        "USD",
                        "source",
                        "test"));
        assertThat(price.status()).as(price.body()).isIn(200, 201);
        return id;
    }
}

package dev.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.ApiClient.Response;
import dev.switchboard.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PriceHistoryIT {

    @LocalServerPort
    int port;

    @Autowired
    PriceList prices;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    String deploymentId;

    @BeforeEach
    void setUp() {
        admin = ApiClient.asMaster(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String providerId = "price-" + suffix;
        Response provider = admin.post(
                "/api/v1/providers",
                Map.of(
                        "id", providerId,
                        "displayName", "Priced",
                        "protocol", "OPENAI_COMPATIBLE",
                        "quirks", "openai",
                        "baseUrl", "https://api.example.com/v1",
                        "region", "us",
                        "jurisdiction", "US"));
        assertThat(provider.status()).as(provider.body()).isEqualTo(201);
        Response deployment = admin.post(
                "/api/v1/models",
                Map.of(
                        "providerId",
                        providerId,
                        "modelName",
                        "m-" + suffix,
                        "upstreamModelId",
                        "m",
                        "tier",
                        "economy",
                        "contextWindowTokens",
                        8192,
                        "maxOutputTokens",
                        1024));
        assertThat(deployment.status()).as(deployment.body()).isEqualTo(201);
        deploymentId = deployment.text("id");
    }

    private Map<String, Object> price(long input, long output, long cached, Instant effectiveFrom) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "inputMicrosPerMTok", input,
                "outputMicrosPerMTok", output,
                "cachedInputMicrosPerMTok", cached,
                "currency", "USD",
                "source", "https://example.com/pricing, read 2026-11-28"));
        if (effectiveFrom != null) {
            body.put("effectiveFrom", effectiveFrom.toString());
        }
        return body;
    }

    private Response post(ApiClient client, Map<String, Object> body) {
        return client.post("/api/v1/models/" + deploymentId + "/prices", body);
    }

    @Test
    void a_new_price_applies_from_its_start_and_the_old_one_stays_in_history() {
        Response first = post(admin, price(150_000, 600_000, 75_000, null));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Instant start = Instant.parse(first.text("effectiveFrom"));
        Instant dayLater = start.plus(Duration.ofDays(1));
        Instant twoDaysLater = start.plus(Duration.ofDays(2));
        assertThat(post(admin, price(100_000, 400_000, 50_000, twoDaysLater)).status())
                .isEqualTo(201);
        assertThat(post(admin, price(120_000, 500_000, 60_000, dayLater)).status())
                .isEqualTo(201);

        Response history = admin.get("/api/v1/models/" + deploymentId + "/prices");
        assertThat(history.json()
                        .valueStream()
                        .map(p -> p.path("inputMicrosPerMTok").asLong()))
                .containsExactly(150_000L, 120_000L, 100_000L);
        assertThat(history.json().get(0).path("source").asString()).contains("example.com");

        DeploymentId id = DeploymentId.of(deploymentId);
        assertThatThrownBy(() -> prices.priceAt(id, start.minusNanos(1000)))
                .isInstanceOf(CatalogNotFoundException.class)
                .hasMessageContaining("no price in force");
        assertThat(prices.priceAt(id, start).inputMicrosPerMTok()).isEqualTo(150_000);
        assertThat(prices.priceAt(id, dayLater.minusNanos(1000)).inputMicrosPerMTok())
                .isEqualTo(150_000);
        assertThat(prices.priceAt(id, dayLater).inputMicrosPerMTok()).isEqualTo(120_000);
        assertThat(prices.priceAt(id, twoDaysLater.plusSeconds(3600)).cachedInputMicrosPerMTok())
                .isEqualTo(50_000);
        assertThat(admin.get("/api/v1/models/" + deploymentId)
                        .json()
                        .path("currentPrice")
                        .path("inputMicrosPerMTok")
                        .asLong())
                .as("the price in force now, not the future ones")
                .isEqualTo(150_000);
        assertThat(prices.priceAt(id, start).costMicros(10_000, 8_000, 1_000)).isEqualTo(300 + 600 + 600);
    }

    @Test
    void a_price_cannot_start_in_the_past_or_twice_at_the_same_instant() {
        Response past = post(admin, price(1, 1, 0, Instant.now().minusSeconds(3600)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("effectiveFrom");

        Instant future = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(post(admin, price(1, 1, 0, future)).status()).isEqualTo(201);
        assertThat(post(admin, price(2, 2, 0, future)).status()).isEqualTo(409);
    }

    @Test
    void finance_may_add_prices_designers_may_not() {
        ApiClient carol = ApiClient.as(port, "carol", "carol-demo-pass");
        ApiClient alice = ApiClient.as(port, "alice", "alice-demo-pass");

        assertThat(post(carol, price(10, 20, 5, null)).status()).isEqualTo(201);
        assertThat(post(alice, price(10, 20, 5, Instant.now().plusSeconds(60))).status())
                .isEqualTo(403);
        assertThat(alice.get("/api/v1/models/" + deploymentId + "/prices").status())
                .isEqualTo(200);
    }

    @Test
    void invalid_prices_are_400_with_the_offending_field() {
        assertThat(fieldOf(post(admin, price(100, 100, 101, null)))).isEqualTo("cachedInputMicrosPerMTok");
        assertThat(fieldOf(post(admin, price(-1, 100, 0, null)))).isEqualTo("inputMicrosPerMTok");
        Map<String, Object> lowerCase = price(1, 1, 0, null);
        lowerCase.put("currency", "usd");
        assertThat(fieldOf(post(admin, lowerCase))).isEqualTo("currency");
        Map<String, Object> madeUp = price(1, 1, 0, null);
        madeUp.put("currency", "XQZ");
        assertThat(fieldOf(post(admin, madeUp))).isEqualTo("currency");
        Map<String, Object> noSource = price(1, 1, 0, null);
        noSource.remove("source");
        assertThat(fieldOf(post(admin, noSource))).isEqualTo("source");
        assertThat(admin.get("/api/v1/models/" + deploymentId + "/prices")
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void stored_prices_cannot_be_changed_or_deleted_even_with_sql() {
        assertThat(post(admin, price(150_000, 600_000, 75_000, null)).status()).isEqualTo(201);

        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE deployment_price SET input_micros_per_mtok = 1 WHERE deployment_id = ?::uuid")
                        .param(deploymentId)
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM deployment_price WHERE deployment_id = ?::uuid")
                        .param(deploymentId)
                        .update())
                .hasMessageContaining("immutable");
        assertThat(prices.history(DeploymentId.of(deploymentId)))
                .extracting(Price::inputMicrosPerMTok)
                .isEqualTo(List.of(150_000L));
    }

    private static String fieldOf(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }
}

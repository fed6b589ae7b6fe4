package dev.switchboard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What the peers get wrong, tested: fallback when the cheapest provider fails before the first byte, a
 * stream cut mid-way charged for what arrived, a client that leaves mid-stream charged for what was
 * generated. {@code sim-fast} fails every call in this context.
 */
@IntegrationTest
@TestPropertySource(properties = "switchboard.simulator.providers.sim-fast.failure-rate=1.0")
class GatewayFaultsIT {

    static HttpServer cuttingUpstream;

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    /** A provider that streams three chunks, then ends the body without {@code [DONE]}. */
    @BeforeAll
    static void startCuttingUpstream() throws IOException {
        cuttingUpstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cuttingUpstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String word : List.of("Budgets ", "hold ", "under load ")) {
                    String chunk = "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"model\":\"cut\",\"choices\":"
                            + "[{\"index\":0,\"delta\":{\"content\":\"" + word + "\"}}]}";
                    out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        cuttingUpstream.start();
    }

    @AfterAll
    static void stopCuttingUpstream() {
        cuttingUpstream.stop(0);
    }

    Optional<UsageEntry> row(String requestId) {
        return ledger.query(new UsageQuery(null, null, null, null, null, null, 500)).entries().stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst();
    }

    @Test
    void when_the_cheapest_provider_fails_before_the_first_byte_the_next_one_serves_and_the_chain_is_recorded() {
        GatewayClient.Reply reply =
                new GatewayClient(port, ApiClient.MASTER_KEY).post("/v1/chat/completions", GatewayIT.HELLO);

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-provider")).isEqualTo("sim-mid");
        UsageEntry entry = row(reply.header("x-switchboard-request-id")).orElseThrow();
        assertThat(entry.fallbackChain()).first().isEqualTo("sim-fast");
        assertThat(entry.fallbackChain()).last().isEqualTo("sim-mid");
        assertThat(entry.providerId()).isEqualTo("sim-mid");
    }

    @Test
    void a_streamed_call_falls_back_invisibly_too() {
        GatewayClient.Stream stream =
                new GatewayClient(port, ApiClient.MASTER_KEY).stream("/v1/chat/completions", """
                {"model":"sim-chat","stream":true,"messages":[{"role":"user","content":"Stream about fallbacks."}]}""", 10_000);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("x-switchboard-provider")).isEqualTo("sim-mid");
        assertThat(stream.lines()).last().isEqualTo("data: [DONE]");
    }

    @Test
    void a_stream_cut_after_it_began_is_charged_for_what_arrived_and_the_client_is_told() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = ApiClient.asMaster(port);
        String providerId = "cutter-" + suffix;
        var provider = admin.post(
                "/api/v1/providers",
                Map.of(
                        "id",
                        providerId,
                        "displayName",
                        "Cuts streams",
                        "protocol",
                        "OPENAI_COMPATIBLE",
                        "quirks",
                        "openai",
                        "baseUrl",
                        "http://127.0.0.1:" + cuttingUpstream.getAddress().getPort() + "/v1",
                        "region",
                        "local",
                        "jurisdiction",
                        "self-hosted",
                        "apiKey",
                        "fake-key",
                        "enabled",
                        true));
        assertThat(provider.status()).as(provider.body()).isEqualTo(201);
        var deployment = admin.post(
                "/api/v1/models",
                Map.of(
                        "providerId",
                        providerId,
                        "modelName",
                        "cut-model-" + suffix,
                        "upstreamModelId",
                        "cut",
                        "tier",
                        "STANDARD",
                        "capabilities",
                        List.of("STREAMING"),
                        "contextWindowTokens",
                        8192,
                        "maxOutputTokens",
                        1024));
        assertThat(deployment.status()).as(deployment.body()).isEqualTo(201);
        var price = admin.post(
                "/api/v1/models/" + deployment.text("id") + "/prices",
                Map.of(
                        "inputMicrosPerMTok",
                        1_000_000,
                        "outputMicrosPerMTok",
                        4_000_000,
                        "cachedInputMicrosPerMTok",
                        0,
                        "currency",
                        "USD",
                        "source",
                        "test"));
        assertThat(price.status()).as(price.body()).isIn(200, 201);
        // the router's catalog snapshot refreshes every 2 s: wait until it routes the new model
        Map<String, Object> probe =
                Map.of("model", "cut-model-" + suffix, "messages", List.of(Map.of("role", "user", "content", "go")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.post("/api/v1/route/explain", probe).status() == 200);

        GatewayClient.Stream stream = new GatewayClient(port, ApiClient.MASTER_KEY)
                .stream(
                        "/v1/chat/completions",
                        "{\"model\":\"cut-model-" + suffix
                                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}",
                        10_000);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.lines()).doesNotContain("data: [DONE]");
        assertThat(stream.data())
                .last()
                .satisfies(last ->
                        assertThat(last.path("error").path("code").asString()).isEqualTo("stream_interrupted"));
        UsageEntry entry = row(stream.header("x-switchboard-request-id")).orElseThrow();
        assertThat(entry.status()).isEqualTo(CallStatus.STREAM_CUT);
        assertThat(entry.usageSource()).isEqualTo(UsageSource.TOKENIZER);
        assertThat(entry.outputTokens()).isEqualTo(6); // "Budgets hold under load " in o200k
        assertThat(entry.wholesale().micros()).isPositive();
    }

    @Test
    void a_client_that_leaves_mid_stream_is_charged_for_what_was_generated() {
        GatewayClient.Stream partial =
                new GatewayClient(port, ApiClient.MASTER_KEY).stream("/v1/chat/completions", """
                {"model":"sim-smart","stream":true,"max_tokens":400,
                 "messages":[{"role":"user","content":"Write a long essay about department budgets and ledgers."}]}""", 2);

        String requestId = partial.header("x-switchboard-request-id");
        assertThat(requestId).isNotNull();
        UsageEntry entry = await().atMost(Duration.ofSeconds(30))
                .until(() -> row(requestId), Optional::isPresent)
                .orElseThrow();
        // sim-smart streams ~100 tokens at 30 ms each: the client is long gone before the end
        assertThat(entry.status()).isEqualTo(CallStatus.CLIENT_CANCELLED);
        assertThat(entry.usageSource()).isEqualTo(UsageSource.TOKENIZER);
        assertThat(entry.outputTokens()).isPositive();
        assertThat(entry.retail().micros()).isPositive();
    }
}

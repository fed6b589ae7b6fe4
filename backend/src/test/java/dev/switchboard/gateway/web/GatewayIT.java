package dev.switchboard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The gateway end to end: real HTTP in, the real adapters out to the built-in simulated providers. */
@IntegrationTest
class GatewayIT {

    static final String HELLO = """
            {"model":"sim-chat","messages":[{"role":"user","content":"Write one line about budgets."}]}""";

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    @Autowired
    MeterRegistry meters;

    GatewayClient master;

    @BeforeEach
    void setUp() {
        master = new GatewayClient(port, ApiClient.MASTER_KEY);
    }

    UsageEntry ledgerRow(String requestId) {
        return ledger.query(new UsageQuery(null, null, null, null, null, null, 200)).entries().stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ledger row for " + requestId));
    }

    @Test
    void a_chat_completion_goes_to_the_cheapest_provider_and_is_charged_with_markup() {
        GatewayClient.Reply reply = master.post("/v1/chat/completions", HELLO);

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.json()
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asString())
                .isNotBlank();
        assertThat(reply.json().path("model").asString()).isEqualTo("sim-chat");
        assertThat(reply.header("x-switchboard-provider")).isEqualTo("sim-fast");
        assertThat(reply.header("x-switchboard-currency")).isEqualTo("USD");
        UsageEntry row = ledgerRow(reply.header("x-switchboard-request-id"));
        assertThat(row.status()).isEqualTo(CallStatus.OK);
        assertThat(row.inputTokens())
                .isEqualTo(reply.json().path("usage").path("prompt_tokens").asLong());
        assertThat(row.outputTokens())
                .isEqualTo(reply.json().path("usage").path("completion_tokens").asLong());
        assertThat(row.wholesale().micros()).isPositive();
        // default markup 20 %, rounded half up
        assertThat(row.retail().micros()).isEqualTo((row.wholesale().micros() * 12_000 + 5_000) / 10_000);
        assertThat(reply.header("x-switchboard-cost"))
                .isEqualTo(row.retail().toDecimal().toPlainString());
        assertThat(row.orgUnitId()).isNotNull();
    }

    long timed(String status) {
        Timer timer = meters.find(GatewayMetrics.TIMER)
                .tag("endpoint", "/v1/chat/completions")
                .tag("status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void model_calls_are_timed_by_endpoint_and_status_once_not_again_by_the_web_layer() {
        long ok = timed("200");
        long refused = timed("401");

        master.post("/v1/chat/completions", HELLO);
        new GatewayClient(port, "sk-not-a-key").post("/v1/chat/completions", HELLO);

        // recorded as the call returns, which may be just after the client has read the answer
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(timed("200")).isEqualTo(ok + 1);
            assertThat(timed("401")).isEqualTo(refused + 1);
        });
        assertThat(meters.find("http.server.requests")
                        .tag("uri", "/v1/chat/completions")
                        .timers())
                .isEmpty();
    }

    @Test
    void a_model_call_endpoint_refuses_other_methods_in_its_clients_error_shape() {
        GatewayClient.Reply openAi = master.get("/v1/chat/completions");
        GatewayClient.Reply anthropic = master.get("/v1/messages");

        assertThat(openAi.status()).isEqualTo(405);
        assertThat(openAi.header("Allow")).isEqualTo("POST");
        assertThat(openAi.json().path("error").path("code").asString()).isEqualTo("method_not_allowed");
        assertThat(openAi.json().path("error").path("message").asString())
                .isEqualTo("/v1/chat/completions answers POST requests only, not GET.");
        assertThat(anthropic.status()).isEqualTo(405);
        assertThat(anthropic.json().path("type").asString()).isEqualTo("error");
        assertThat(anthropic.json().path("error").path("message").asString()).contains("POST requests only");
    }

    @Test
    void a_stream_ends_with_usage_and_done_and_is_in_the_ledger_before_the_last_event() {
        GatewayClient.Stream stream = master.stream("/v1/chat/completions", """
                {"model":"sim-chat","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Stream a sentence about ledgers."}]}""", 10_000);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.lines()).last().isEqualTo("data: [DONE]");
        List<JsonNode> data = stream.data();
        JsonNode usage = data.getLast().path("usage");
        assertThat(usage.path("completion_tokens").asLong()).isPositive();
        assertThat(data.stream().filter(d -> !d.path("choices").isEmpty()))
                .allSatisfy(chunk -> assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk"));
        assertThat(stream.lines()).anyMatch(l -> l.startsWith(": x-switchboard-cost "));
        UsageEntry row = ledgerRow(stream.header("x-switchboard-request-id"));
        assertThat(row.status()).isEqualTo(CallStatus.OK);
        assertThat(row.outputTokens()).isEqualTo(usage.path("completion_tokens").asLong());
        assertThat(row.timeToFirstTokenMillis()).isNotNull();
    }

    @Test
    void a_streamed_token_reaches_the_client_as_it_is_generated_not_with_the_last_one() {
        // sim-fast waits 5 ms between tokens; 16 chunks fit the 8 KB response buffer, so a gateway that did
        // not flush as it goes would deliver them all at once, at the end
        GatewayClient.Stream stream = master.stream("/v1/chat/completions", """
                {"model":"sim-chat","stream":true,"max_tokens":16,
                 "messages":[{"role":"user","content":"Stream a long sentence about ledgers and budgets."}]}""", 10_000);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("x-switchboard-provider")).isEqualTo("sim-fast");
        assertThat(stream.arrivalsOf(l -> l.contains("\"content\""))).hasSizeGreaterThan(5);
        assertThat(stream.spreadMillis(l -> l.contains("\"content\"")))
                .as("ms between the first and the last token")
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void an_anthropic_style_stream_also_reaches_the_client_token_by_token() {
        // sim-claude waits 20 ms between tokens; 16 of them fit the response buffer (see above)
        GatewayClient.Stream stream = master.stream("/v1/messages", """
                {"model":"sim-claude","max_tokens":16,"stream":true,
                 "messages":[{"role":"user","content":"Stream a long sentence about invoices and budgets."}]}""", 10_000);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.arrivalsOf(l -> l.startsWith("data: ") && l.contains("\"text_delta\"")))
                .hasSizeGreaterThan(5);
        assertThat(stream.spreadMillis(l -> l.startsWith("data: ") && l.contains("\"text_delta\"")))
                .as("ms between the first and the last text delta")
                .isGreaterThanOrEqualTo(50);
    }

    @Test
    void tools_route_around_a_provider_that_cannot_call_them() {
        GatewayClient.Reply reply = master.post("/v1/chat/completions", """
                {"model":"sim-chat","messages":[{"role":"user","content":"What is the weather in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"weather for a city",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]}""");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-provider")).isEqualTo("sim-mid");
        assertThat(reply.json()
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("name")
                        .asString())
                .isEqualTo("get_weather");
    }

    @Test
    void explain_shows_the_order_and_why_others_were_left_out_without_charging() {
        long before = ledger.query(new UsageQuery(null, null, null, null, null, null, 1000)).totals().stream()
                .mapToLong(t -> t.calls())
                .sum();
        ApiClient admin = ApiClient.asMaster(port);

        var explained = admin.post(
                "/api/v1/route/explain",
                Map.of(
                        "model", "sim-chat",
                        "messages", List.of(Map.of("role", "user", "content", "hi")),
                        "tools", List.of(Map.of("type", "function", "function", Map.of("name", "f")))));

        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        assertThat(explained.json().path("candidates").get(0).path("provider").asString())
                .isEqualTo("sim-mid");
        assertThat(explained.json().path("excluded").get(0).path("provider").asString())
                .isEqualTo("sim-fast");
        assertThat(explained.json().path("excluded").get(0).path("reason").asString())
                .isEqualTo("missing_capability");
        JsonNode first = explained.json().path("candidates").get(0);
        assertThat(first.path("worstCaseMicros").asLong())
                .as("what a budget holds: the longest output at the price, above the expected cost")
                .isGreaterThan(first.path("expectedCostMicros").asLong());
        long after = ledger.query(new UsageQuery(null, null, null, null, null, null, 1000)).totals().stream()
                .mapToLong(t -> t.calls())
                .sum();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_consumer_key_is_charged_to_its_org_unit_and_its_policy_steers_the_route() {
        ApiClient admin = ApiClient.asMaster(port);
        String it = admin.get("/api/v1/org-units")
                .json()
                .valueStream()
                .filter(u -> u.path("name").asString().equals("IT"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        String secret = admin.post("/api/v1/keys", Map.of("orgUnitId", it, "name", "gateway test"))
                .text("secret");
        admin.put("/api/v1/policies/" + it, Map.of("allowedProviders", List.of("sim-mid", "sim-smart")));
        try {
            GatewayClient.Reply reply = new GatewayClient(port, secret).post("/v1/chat/completions", HELLO);

            assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
            assertThat(reply.header("x-switchboard-provider")).isEqualTo("sim-mid");
            UsageEntry row = ledgerRow(reply.header("x-switchboard-request-id"));
            assertThat(row.orgUnitId().toString()).isEqualTo(it);
            assertThat(row.apiKeyId()).isNotNull();
        } finally {
            admin.delete("/api/v1/policies/" + it);
        }
    }

    @Test
    void the_anthropic_messages_endpoint_answers_in_anthropics_shape() {
        GatewayClient.Reply reply = master.post("/v1/messages", """
                {"model":"sim-chat","max_tokens":64,"system":"be brief",
                 "messages":[{"role":"user","content":"Say something about invoices."}]}""");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.json().path("type").asString()).isEqualTo("message");
        assertThat(reply.json().path("content").get(0).path("type").asString()).isEqualTo("text");
        assertThat(reply.json().path("usage").path("output_tokens").asLong()).isPositive();

        GatewayClient.Stream stream = master.stream("/v1/messages", """
                {"model":"sim-claude","max_tokens":64,"stream":true,
                 "messages":[{"role":"user","content":"Stream about invoices."}]}""", 10_000);
        assertThat(stream.lines())
                .filteredOn(l -> l.startsWith("event: "))
                .first()
                .isEqualTo("event: message_start");
        assertThat(stream.lines())
                .filteredOn(l -> l.startsWith("event: "))
                .last()
                .isEqualTo("event: message_stop");
        assertThat(ledgerRow(stream.header("x-switchboard-request-id")).providerId())
                .isEqualTo("sim-claude");
    }

    @Test
    void models_lists_what_can_be_called_with_prices_and_the_simulated_flag() {
        GatewayClient.Reply reply = master.get("/v1/models");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode simChat = reply.json()
                .path("data")
                .valueStream()
                .filter(m -> m.path("id").asString().equals("sim-chat"))
                .findFirst()
                .orElseThrow();
        assertThat(simChat.path("simulated").asBoolean()).isTrue();
        assertThat(simChat.path("providers")
                        .valueStream()
                        .map(p -> p.path("provider").asString()))
                .containsExactlyInAnyOrder("sim-fast", "sim-mid");
        assertThat(simChat.path("providers")
                        .get(0)
                        .path("pricing")
                        .path("currency")
                        .asString())
                .isEqualTo("USD");
        assertThat(reply.json().path("data").valueStream().map(m -> m.path("id").asString()))
                .doesNotContain("gpt-4o");
    }

    @Test
    void bad_requests_get_openai_errors_and_are_not_charged() {
        long before = ledger.query(new UsageQuery(null, null, null, null, null, null, 1000)).totals().stream()
                .mapToLong(t -> t.calls())
                .sum();

        GatewayClient.Reply noKey = new GatewayClient(port, null).post("/v1/chat/completions", HELLO);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().path("error").path("type").asString()).isEqualTo("authentication_error");
        assertThat(new GatewayClient(port, "sk-sb-nope")
                        .post("/v1/chat/completions", HELLO)
                        .status())
                .isEqualTo(401);

        GatewayClient.Reply unknown = master.post("/v1/chat/completions", HELLO.replace("sim-chat", "gpt-9"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("model_not_found");

        GatewayClient.Reply invalid = master.post("/v1/chat/completions", "{\"model\":\"sim-chat\",\"messages\":[]}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").path("param").asString()).isEqualTo("messages");
        assertThat(master.post("/v1/chat/completions", "{not json").status()).isEqualTo(400);

        GatewayClient.Reply tooBig =
                master.post("/v1/chat/completions", "{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}");
        assertThat(tooBig.status()).isEqualTo(413);

        long after = ledger.query(new UsageQuery(null, null, null, null, null, null, 1000)).totals().stream()
                .mapToLong(t -> t.calls())
                .sum();
        assertThat(after).isEqualTo(before);
    }
}

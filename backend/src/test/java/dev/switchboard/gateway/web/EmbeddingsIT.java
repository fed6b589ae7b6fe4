package dev.switchboard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/embeddings} end to end: the in-process MiniLM and routed simulated deployments. */
@IntegrationTest
class EmbeddingsIT {

    static final String SENTENCES = """
            {"model":"minilm","input":["The cat sits on the mat.","A kitten is sitting on a rug.",
              "Quarterly revenue grew by twelve percent in the finance department."]}""";

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

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

    long calls() {
        return ledger.query(new UsageQuery(null, null, null, null, null, null, 1000)).totals().stream()
                .mapToLong(t -> t.calls())
                .sum();
    }

    static double cosine(JsonNode a, JsonNode b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i).asDouble() * b.get(i).asDouble();
            na += a.get(i).asDouble() * a.get(i).asDouble();
            nb += b.get(i).asDouble() * b.get(i).asDouble();
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void minilm_embeds_in_process_similar_sentences_closer_and_writes_a_free_ledger_row() {
        GatewayClient.Reply reply = master.post("/v1/embeddings", SENTENCES);

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        JsonNode data = reply.json().path("data");
        assertThat(reply.json().path("object").asString()).isEqualTo("list");
        assertThat(reply.json().path("model").asString()).isEqualTo("minilm");
        assertThat(data.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(data.get(i).path("object").asString()).isEqualTo("embedding");
            assertThat(data.get(i).path("index").asInt()).isEqualTo(i);
            assertThat(data.get(i).path("embedding").size()).isEqualTo(384);
        }
        JsonNode cat = data.get(0).path("embedding");
        JsonNode kitten = data.get(1).path("embedding");
        JsonNode revenue = data.get(2).path("embedding");
        assertThat(cosine(cat, kitten)).isGreaterThan(cosine(cat, revenue) + 0.2);
        assertThat(cosine(cat, kitten)).isGreaterThan(cosine(kitten, revenue) + 0.2);

        long promptTokens = reply.json().path("usage").path("prompt_tokens").asLong();
        assertThat(promptTokens).isPositive();
        assertThat(reply.json().path("usage").path("total_tokens").asLong()).isEqualTo(promptTokens);
        assertThat(reply.header("x-switchboard-provider")).isEqualTo("local-embeddings");
        assertThat(reply.header("x-switchboard-model")).isEqualTo("minilm");
        assertThat(reply.header("x-switchboard-currency")).isEqualTo("USD");
        UsageEntry row = ledgerRow(reply.header("x-switchboard-request-id"));
        assertThat(row.status()).isEqualTo(CallStatus.OK);
        assertThat(row.providerId()).isEqualTo("local-embeddings");
        assertThat(row.model()).isEqualTo("minilm");
        assertThat(row.inputTokens()).isEqualTo(promptTokens);
        assertThat(row.outputTokens()).isZero();
        assertThat(row.usageSource()).isEqualTo(UsageSource.PROVIDER);
        assertThat(row.wholesale().micros()).isZero();
        assertThat(row.retail().micros()).isZero();
        assertThat(row.workflowRunId()).isNull();
    }

    @Test
    void base64_encoding_carries_the_same_little_endian_floats() {
        GatewayClient.Reply floats = master.post("/v1/embeddings", """
                {"model":"minilm","input":"Invoices are due in thirty days."}""");
        GatewayClient.Reply encoded = master.post("/v1/embeddings", """
                {"model":"minilm","input":"Invoices are due in thirty days.","encoding_format":"base64"}""");

        assertThat(encoded.status()).as(encoded.raw().body()).isEqualTo(200);
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder()
                        .decode(encoded.json()
                                .path("data")
                                .get(0)
                                .path("embedding")
                                .asString()))
                .order(ByteOrder.LITTLE_ENDIAN);
        JsonNode expected = floats.json().path("data").get(0).path("embedding");
        assertThat(bytes.remaining()).isEqualTo(384 * Float.BYTES);
        for (int i = 0; i < 384; i++) {
            assertThat(bytes.getFloat()).isEqualTo(expected.get(i).floatValue());
        }
    }

    @Test
    void a_model_served_by_two_simulated_providers_goes_to_the_cheaper_one_and_is_charged() {
        ApiClient admin = ApiClient.asMaster(port);
        String model = "embed-" + UUID.randomUUID().toString().substring(0, 8);
        // the dearer one weighs more: only the price can make the router prefer the other
        deploy(admin, "sim-fast", model, 50_000_000, 100);
        deploy(admin, "sim-mid", model, 2_000_000, 1);
        String body = "{\"model\":\"" + model + "\",\"input\":[\"Budgets are set per department.\","
                + "\"Each team reports its spending every month to the finance office.\"]}";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> master.post("/v1/embeddings", body).status() == 200);

        GatewayClient.Reply reply = master.post("/v1/embeddings", body);

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-provider")).isEqualTo("sim-mid");
        assertThat(reply.json().path("model").asString()).isEqualTo(model);
        assertThat(reply.json().path("data").size()).isEqualTo(2);
        assertThat(reply.json().path("data").get(0).path("embedding").size()).isEqualTo(384);
        UsageEntry row = ledgerRow(reply.header("x-switchboard-request-id"));
        assertThat(row.providerId()).isEqualTo("sim-mid");
        assertThat(row.inputTokens())
                .isEqualTo(reply.json().path("usage").path("prompt_tokens").asLong())
                .isPositive();
        // 2 USD per million input tokens, rounded half up to whole micros
        assertThat(row.wholesale().micros())
                .isEqualTo((row.inputTokens() * 2_000_000 + 500_000) / 1_000_000)
                .isPositive();
        assertThat(row.retail().micros()).isGreaterThan(row.wholesale().micros());
        assertThat(reply.header("x-switchboard-cost"))
                .isEqualTo(row.retail().toDecimal().toPlainString());
    }

    @Test
    void bad_input_unknown_models_and_missing_keys_get_openai_errors_and_cost_nothing() {
        long before = calls();

        GatewayClient.Reply empty = master.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(empty.json().path("error").path("param").asString()).isEqualTo("input");

        GatewayClient.Reply format =
                master.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":\"x\",\"encoding_format\":\"hex\"}");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().path("error").path("param").asString()).isEqualTo("encoding_format");

        GatewayClient.Reply dimensions =
                master.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":\"x\",\"dimensions\":1536}");
        assertThat(dimensions.status()).isEqualTo(400);
        assertThat(dimensions.json().path("error").path("message").asString()).contains("384");

        GatewayClient.Reply unknown = master.post("/v1/embeddings", "{\"model\":\"text-embedding-9\",\"input\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("model_not_found");
        assertThat(unknown.json().path("error").path("message").asString()).contains("minilm");

        GatewayClient.Reply chatModel = master.post("/v1/embeddings", "{\"model\":\"sim-chat\",\"input\":\"x\"}");
        assertThat(chatModel.status())
                .as("a chat model is not an embedding model")
                .isEqualTo(404);

        assertThat(new GatewayClient(port, null)
                        .post("/v1/embeddings", SENTENCES)
                        .status())
                .isEqualTo(401);
        assertThat(master.post("/v1/embeddings", "{not json").status()).isEqualTo(400);

        assertThat(calls()).isEqualTo(before);
    }

    private void deploy(ApiClient admin, String provider, String model, long inputMicrosPerMTok, int weight) {
        var deployment = admin.post(
                "/api/v1/models",
                Map.of(
                        "providerId",
                        provider,
                        "modelName",
                        model,
                        "upstreamModelId",
                        "sim-embedding",
                        "tier",
                        "ECONOMY",
                        "capabilities",
                        List.of("EMBEDDINGS"),
                        "contextWindowTokens",
                        8192,
                        "maxOutputTokens",
                        0,
                        "weight",
                        weight));
        assertThat(deployment.status()).as(deployment.body()).isEqualTo(201);
        var price = admin.post(
                "/api/v1/models/" + deployment.text("id") + "/prices",
                Map.of(
                        "inputMicrosPerMTok",
                        inputMicrosPerMTok,
                        "outputMicrosPerMTok",
                        0,
                        "cachedInputMicrosPerMTok",
                        0,
                        "currency",
                        "USD",
                        "source",
                        "test"));
        assertThat(price.status()).as(price.body()).isIn(200, 201);
    }
}

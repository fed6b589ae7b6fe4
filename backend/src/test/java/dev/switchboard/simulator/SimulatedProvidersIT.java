package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimHttp.OPENAI_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.IntegrationTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Embeddings, model lists and the facade other features register the simulated providers with. */
@IntegrationTest
@TestPropertySource(properties = "switchboard.simulator.zero-latency=true")
class SimulatedProvidersIT {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedProviders providers;

    SimHttp http;
    String unique;

    @BeforeEach
    void setUp() {
        http = new SimHttp(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void embeddings_are_deterministic_unit_vectors() {
        String path = "/simulated/sim-fast/v1/embeddings";
        Map<String, Object> request =
                Map.of("model", "text-embedding-3-small", "input", List.of("quarterly budget", "holiday plans"));

        JsonNode first = http.post(path, request, OPENAI_KEY).json();
        JsonNode again = http.post(path, request, OPENAI_KEY).json();
        JsonNode small = http.post(
                        path,
                        Map.of("model", "e", "input", "quarterly budget", "dimensions", 8, "encoding_format", "base64"),
                        OPENAI_KEY)
                .json();

        assertThat(first.get("object").asString()).isEqualTo("list");
        assertThat(first.get("data")).hasSize(2);
        JsonNode vector = first.at("/data/0/embedding");
        assertThat(vector).hasSize(384);
        double norm = 0;
        for (JsonNode v : vector) {
            norm += v.asDouble() * v.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, Offset.offset(1e-4));
        assertThat(vector).isEqualTo(again.at("/data/0/embedding"));
        assertThat(vector).isNotEqualTo(first.at("/data/1/embedding"));
        assertThat(first.at("/usage/prompt_tokens").asInt()).isPositive();
        byte[] packed = Base64.getDecoder().decode(small.at("/data/0/embedding").asString());
        assertThat(packed).hasSize(8 * Float.BYTES);
        assertThat(ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).getFloat())
                .isBetween(-1f, 1f);
    }

    @Test
    void lists_the_providers_models() {
        var reply = http.get("/simulated/sim-smart/v1/models", OPENAI_KEY);

        assertThat(reply.json().get("object").asString()).isEqualTo("list");
        assertThat(reply.json().at("/data/0/id").asString()).isEqualTo("sim-smart-frontier");
        assertThat(reply.json().at("/data/0/object").asString()).isEqualTo("model");
    }

    @Test
    void the_facade_gives_base_urls_a_client_of_each_protocol_appends_its_paths_to() {
        String openAiBase = providers.baseUrl("sim-fast").toString();
        String anthropicBase = providers.baseUrl("sim-claude").toString();

        assertThat(openAiBase).isEqualTo("http://127.0.0.1:" + port + "/simulated/sim-fast/v1");
        assertThat(anthropicBase).isEqualTo("http://127.0.0.1:" + port + "/simulated/sim-claude");
        assertThat(providers.all())
                .extracting(SimulatedProvider::id)
                .containsExactly("sim-fast", "sim-mid", "sim-smart", "sim-flaky", "sim-claude");
        String path = openAiBase.substring(openAiBase.indexOf("/simulated"));
        assertThat(http.post(path + "/chat/completions", SimulatedOpenAiIT.chat("m", "Hi " + unique), OPENAI_KEY)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_simulator_is_not_part_of_the_documented_rest_api() {
        var docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).doesNotContain("/simulated/");
    }
}

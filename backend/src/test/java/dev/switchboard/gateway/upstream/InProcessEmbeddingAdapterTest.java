package dev.switchboard.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class InProcessEmbeddingAdapterTest {

    final InProcessEmbeddingAdapter adapter = new InProcessEmbeddingAdapter(FakeUpstream.JSON);

    static UpstreamTarget target(String model) {
        return new UpstreamTarget(
                "local-embeddings",
                ProtocolFamily.IN_PROCESS,
                URI.create("in-process:" + model),
                "",
                model,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    static UpstreamException.ClientError clientError(Throwable e) {
        return (UpstreamException.ClientError) ((UpstreamException) e).kind();
    }

    @Test
    void an_in_process_target_needs_no_http_url_but_others_still_do() {
        assertThat(target(InProcessEmbeddingAdapter.MINILM).baseUrl()).hasToString("in-process:all-minilm-l6-v2");
        assertThatThrownBy(() -> new UpstreamTarget(
                        "x",
                        ProtocolFamily.OPENAI_COMPATIBLE,
                        URI.create("in-process:m"),
                        "",
                        "m",
                        null,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_chat_an_unknown_model_other_dimensions_and_blank_text_without_loading_anything() {
        ObjectNode chat = Fixtures.json("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThatThrownBy(() -> adapter.chat(target(InProcessEmbeddingAdapter.MINILM), chat))
                .satisfies(e -> assertThat(clientError(e).status()).isEqualTo(400))
                .hasMessageContaining("serves embeddings only");

        assertThatThrownBy(() -> adapter.embed(target("bge-small"), Fixtures.json("{\"input\":\"hi\"}")))
                .satisfies(e -> assertThat(clientError(e).status()).isEqualTo(404))
                .hasMessageContaining("no in-process model 'bge-small'");

        assertThatThrownBy(() -> adapter.embed(
                        target(InProcessEmbeddingAdapter.MINILM),
                        Fixtures.json("{\"input\":\"hi\",\"dimensions\":1536}")))
                .satisfies(e -> assertThat(clientError(e).status()).isEqualTo(400))
                .hasMessageContaining("384-dimensional");

        assertThatThrownBy(() -> adapter.embed(
                        target(InProcessEmbeddingAdapter.MINILM), Fixtures.json("{\"input\":[\"a\",\"  \"]}")))
                .satisfies(e -> assertThat(clientError(e).status()).isEqualTo(400))
                .hasMessageContaining("blank");
    }

    @Test
    void embeds_text_and_cl100k_token_arrays_alike_with_the_models_own_token_count() {
        String sentence = "Department budgets are reviewed every quarter.";
        ObjectNode tokenInput = Fixtures.json("{}");
        ArrayNode ids = tokenInput.putArray("input");
        var encoded = Encodings.newLazyEncodingRegistry()
                .getEncoding(EncodingType.CL100K_BASE)
                .encode(sentence);
        for (int i = 0; i < encoded.size(); i++) {
            ids.add(encoded.get(i));
        }

        EmbeddingResult fromText = adapter.embed(
                target(InProcessEmbeddingAdapter.MINILM),
                Fixtures.json("{\"input\":[\"" + sentence + "\"],\"encoding_format\":\"float\"}"));
        EmbeddingResult fromTokens = adapter.embed(target(InProcessEmbeddingAdapter.MINILM), tokenInput);

        var vector = fromText.response().path("data").get(0).path("embedding");
        assertThat(vector.size()).isEqualTo(InProcessEmbeddingAdapter.MINILM_DIMENSIONS);
        assertThat(fromTokens.response().path("data").get(0).path("embedding")).isEqualTo(vector);
        assertThat(fromText.usage().promptTokens()).isPositive();
        assertThat(fromText.response().path("usage").path("prompt_tokens").asLong())
                .isEqualTo(fromText.usage().promptTokens());
        assertThat(fromText.response().path("model").asString()).isEqualTo("all-minilm-l6-v2");
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.tokens.TokenCounter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EmbeddingRequestsTest {

    final JsonMapper json = JsonMapper.builder().build();

    EmbeddingRequests.Inspected inspect(String body) {
        return EmbeddingRequests.inspect(json.readTree(body));
    }

    void assertInvalid(String body, String param, String messagePart) {
        assertThatThrownBy(() -> inspect(body))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo(param);
                })
                .hasMessageContaining(messagePart);
    }

    @Test
    void accepts_a_string_strings_a_token_array_and_token_arrays() {
        assertThat(inspect("{\"model\":\"minilm\",\"input\":\"hello\"}").inputs())
                .isEqualTo(1);
        assertThat(inspect("{\"model\":\"minilm\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"base64\"}")
                        .inputs())
                .isEqualTo(2);
        assertThat(inspect("{\"model\":\"m\",\"input\":[15339, 1917]}").inputs())
                .isEqualTo(1);
        assertThat(inspect("{\"model\":\"m\",\"input\":[[15339],[1917, 0]],\"dimensions\":256}")
                        .inputs())
                .isEqualTo(2);
    }

    @Test
    void refuses_what_every_provider_would_refuse() {
        assertInvalid("{\"input\":\"x\"}", "model", "'model' is required");
        assertInvalid("{\"model\":\"m\"}", "input", "'input' is required");
        assertInvalid("{\"model\":\"m\",\"input\":\"\"}", "input", "must not be empty");
        assertInvalid("{\"model\":\"m\",\"input\":[]}", "input", "empty array");
        assertInvalid("{\"model\":\"m\",\"input\":[\"a\",\"\"]}", "input[1]", "must not be empty");
        assertInvalid("{\"model\":\"m\",\"input\":[\"a\",{\"text\":\"b\"}]}", "input[1]", "string or an array");
        assertInvalid("{\"model\":\"m\",\"input\":[1, -2]}", "input", "non-negative integer token ids");
        assertInvalid("{\"model\":\"m\",\"input\":[[1],[]]}", "input[1]", "non-empty array");
        assertInvalid(
                "{\"model\":\"m\",\"input\":\"x\",\"encoding_format\":\"hex\"}", "encoding_format", "float or base64");
        assertInvalid("{\"model\":\"m\",\"input\":\"x\",\"dimensions\":0}", "dimensions", "positive integer");
        assertInvalid("{\"model\":\"m\",\"input\":\"x\",\"dimensions\":\"384\"}", "dimensions", "positive integer");
    }

    @Test
    void refuses_more_inputs_than_openai_allows() {
        String many = "[" + "\"x\",".repeat(EmbeddingRequests.MAX_INPUTS) + "\"x\"]";

        assertInvalid("{\"model\":\"m\",\"input\":" + many + "}", "input", "at most 2048 items");
    }

    @Test
    void the_longest_input_is_what_a_context_window_must_hold() {
        TokenCounter tokens = new TokenCounter();
        var body =
                json.readTree("{\"model\":\"m\",\"input\":[\"short\",\"a somewhat longer sentence about budgets\"]}");

        assertThat(EmbeddingRequests.longestInput(body, tokens))
                .isEqualTo(tokens.count("a somewhat longer sentence about budgets"));
        assertThat(EmbeddingRequests.longestInput(json.readTree("{\"input\":[1,2,3]}"), tokens))
                .isEqualTo(3);
        assertThat(EmbeddingRequests.longestInput(json.readTree("{\"input\":[[1],[1,2]]}"), tokens))
                .isEqualTo(2);
    }
}

package dev.switchboard.gateway.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TokenCounterTest {

    final TokenCounter tokens = new TokenCounter();
    final JsonMapper json = JsonMapper.builder().build();

    JsonNode parse(String s) {
        return json.readTree(s);
    }

    @Test
    void counts_text_with_the_o200k_tokenizer() {
        assertThat(tokens.count("hello world")).isEqualTo(2);
        assertThat(tokens.count("")).isZero();
        assertThat(tokens.count(null)).isZero();
    }

    @Test
    void a_chat_prompt_counts_messages_plus_framing() {
        JsonNode request = parse("""
                {"messages":[{"role":"system","content":"hello world"},{"role":"user","content":"hello world"}]}""");

        // 3 priming + 2 × (3 framing + 1 role + 2 text)
        assertThat(tokens.countPrompt(request)).isEqualTo(15);
    }

    @Test
    void images_and_tools_add_to_the_prompt() {
        JsonNode plain = parse("""
                {"messages":[{"role":"user","content":[{"type":"text","text":"what is this"}]}]}""");
        JsonNode withImage = parse("""
                {"messages":[{"role":"user","content":[{"type":"text","text":"what is this"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}],
                 "tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}]}""");

        assertThat(tokens.countPrompt(withImage) - tokens.countPrompt(plain))
                .isGreaterThan(TokenCounter.TOKENS_PER_IMAGE);
    }

    @Test
    void embedding_input_may_be_a_string_or_a_list() {
        assertThat(tokens.countEmbeddingInput(parse("{\"input\":\"hello world\"}")))
                .isEqualTo(2);
        assertThat(tokens.countEmbeddingInput(parse("{\"input\":[\"hello world\",\"hello\"]}")))
                .isEqualTo(3);
    }
}

package dev.switchboard.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpstreamTargetTest {

    static UpstreamTarget target(String baseUrl, String key) {
        return new UpstreamTarget(
                "deepseek",
                ProtocolFamily.OPENAI_COMPATIBLE,
                URI.create(baseUrl),
                key,
                "deepseek-chat",
                Quirks.forPreset("deepseek"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60));
    }

    @Test
    void to_string_never_shows_the_key() {
        UpstreamTarget target = target("https://api.deepseek.com/v1", "sk-secret-123");

        assertThat(target.toString()).doesNotContain("sk-secret-123").contains("apiKey=***", "deepseek-chat");
    }

    @Test
    void paths_are_joined_under_the_base_url_version_path() {
        assertThat(target("https://open.bigmodel.cn/api/paas/v4", "k").resolve("/chat/completions"))
                .hasToString("https://open.bigmodel.cn/api/paas/v4/chat/completions");
        assertThat(target("https://api.deepseek.com/v1/", "k").resolve("/embeddings"))
                .hasToString("https://api.deepseek.com/v1/embeddings");
    }

    @Test
    void a_missing_key_is_blank_and_a_non_http_url_is_refused() {
        assertThat(target("http://localhost:11434/v1", null).hasApiKey()).isFalse();
        assertThatThrownBy(() -> target("ftp://example.com", "k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_documented_preset_exists_and_unknown_ones_are_refused() {
        for (String preset : new String[] {
            "openai",
            "deepseek",
            "qwen",
            "glm",
            "kimi",
            "minimax",
            "doubao",
            "siliconflow",
            "openrouter",
            "vllm",
            "ollama"
        }) {
            assertThat(Quirks.forPreset(preset).preset()).isEqualTo(preset);
        }
        assertThat(Quirks.forPreset("kimi").maxChoices()).isEqualTo(5);
        assertThat(Quirks.forPreset("qwen").maxTokensField()).isEqualTo(Quirks.MaxTokensField.MAX_COMPLETION_TOKENS);
        assertThatThrownBy(() -> Quirks.forPreset("acme")).hasMessageContaining("unknown provider preset");
    }

    @Test
    void usage_never_counts_more_cached_than_prompt_tokens() {
        assertThat(new Usage(10, 5, 50, 9)).isEqualTo(new Usage(10, 5, 10, 5));
        assertThat(new Usage(10, 5, 2, 1).totalTokens()).isEqualTo(15);
    }
}

package dev.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private static ProviderSettings openAi(String baseUrl) {
        return new ProviderSettings("X", ProtocolFamily.OPENAI_COMPATIBLE, QuirksPreset.VLLM, baseUrl, "eu", "EU");
    }

    private static String fieldOf(Runnable action) {
        try {
            action.run();
        } catch (CatalogValidationException e) {
            return e.field();
        }
        throw new AssertionError("no validation error");
    }

    @Test
    void base_urls_are_absolute_http_or_point_at_this_application() {
        assertThat(openAi("https://api.example.com/v1/").baseUrl()).isEqualTo("https://api.example.com/v1");
        assertThat(openAi("http://10.0.0.5:8000/v1").baseUrl()).isEqualTo("http://10.0.0.5:8000/v1");
        assertThat(openAi("{self}/simulated/x").baseUrl()).isEqualTo("{self}/simulated/x");
        assertThat(fieldOf(() -> openAi("ftp://example.com"))).isEqualTo("baseUrl");
        assertThat(fieldOf(() -> openAi("api.example.com/v1"))).isEqualTo("baseUrl");
        assertThat(fieldOf(() -> openAi(null))).isEqualTo("baseUrl");
    }

    @Test
    void the_quirks_preset_must_belong_to_the_protocol() {
        assertThatThrownBy(() -> new ProviderSettings(
                        "X", ProtocolFamily.ANTHROPIC, QuirksPreset.OPENAI, "https://a.example", "us", "US"))
                .hasMessageContaining("belongs to OPENAI_COMPATIBLE");
        assertThat(fieldOf(
                        () -> new ProviderSettings("X", ProtocolFamily.GEMINI, null, "https://a.example", "us", "US")))
                .isEqualTo("quirks");
    }

    @Test
    void an_in_process_model_has_neither_base_url_nor_quirks() {
        var inProcess = new ProviderSettings("Local", ProtocolFamily.IN_PROCESS, null, " ", "local", "self-hosted");
        assertThat(inProcess.baseUrl()).isNull();
        assertThat(fieldOf(() -> new ProviderSettings(
                        "Local", ProtocolFamily.IN_PROCESS, null, "https://x.example", "local", "self-hosted")))
                .isEqualTo("baseUrl");
    }

    @Test
    void region_and_jurisdiction_are_codes() {
        assertThat(fieldOf(() -> new ProviderSettings(
                        "X", ProtocolFamily.GEMINI, QuirksPreset.GEMINI, "https://a.example", "EU West", "EU")))
                .isEqualTo("region");
        assertThat(fieldOf(() -> new ProviderSettings(
                        "X", ProtocolFamily.GEMINI, QuirksPreset.GEMINI, "https://a.example", "eu", "")))
                .isEqualTo("jurisdiction");
    }

    @Test
    void model_names_used_for_routing_are_reserved() {
        assertThat(fieldOf(() -> ModelName.check("auto"))).isEqualTo("modelName");
        assertThat(fieldOf(() -> ModelName.check("tier:frontier"))).isEqualTo("modelName");
        assertThat(ModelName.check(" llama3:8b ")).isEqualTo("llama3:8b");
        assertThat(ModelName.check("openai/gpt-4o")).isEqualTo("openai/gpt-4o");
    }
}

package dev.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled seed file is valid, complete and honest about its sources. */
class SeedFileTest {

    private final SeedFile seed = SeedFile.bundled();
    private final Map<String, SeedFile.SeedProvider> providers =
            seed.providers().stream().collect(Collectors.toMap(SeedFile.SeedProvider::id, p -> p));

    @Test
    void every_provider_deployment_and_price_passes_the_catalog_rules() {
        Instant seedDate = seed.effectiveFrom();
        assertThat(seedDate).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        for (SeedFile.SeedProvider p : seed.providers()) {
            p.toNewProvider();
            assertThat(p.deployments()).as(p.id()).isNotEmpty();
            for (SeedFile.SeedDeployment d : p.deployments()) {
                d.toNewDeployment(ProviderId.of(p.id()));
                Price price = d.price().toPrice(seedDate);
                assertThat(price.source()).as(d.model()).isNotBlank();
            }
        }
    }

    @Test
    void the_major_providers_are_seeded_disabled_and_every_unsimulated_price_names_a_source() {
        assertThat(providers)
                .containsKeys(
                        "openai", "anthropic", "google", "deepseek", "qwen", "zhipu", "moonshot", "minimax", "doubao");
        seed.providers().stream()
                .filter(p -> !p.simulated() && !p.id().equals("local-embeddings"))
                .forEach(p -> {
                    assertThat(p.enabled()).as(p.id() + " enabled").isFalse();
                    p.deployments()
                            .forEach(d -> assertThat(d.price().source())
                                    .as(d.model())
                                    .containsPattern("https?://|github|commit|PR #"));
                });
        assertThat(models("openai")).contains("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano");
        assertThat(models("deepseek")).containsExactly("deepseek-chat", "deepseek-reasoner");
    }

    @Test
    void list_prices_become_exact_micros() {
        Price mini = price("openai", "gpt-4o-mini");
        assertThat(mini.inputMicrosPerMTok()).isEqualTo(150_000);
        assertThat(mini.cachedInputMicrosPerMTok()).isEqualTo(75_000);
        assertThat(mini.outputMicrosPerMTok()).isEqualTo(600_000);
        assertThat(price("deepseek", "deepseek-chat").cachedInputMicrosPerMTok())
                .isEqualTo(28_000);
        assertThat(price("qwen", "qwen3-max").currency().getCurrencyCode()).isEqualTo("CNY");
    }

    @Test
    void the_simulators_are_enabled_labelled_and_served_by_this_application() {
        for (String id : List.of("sim-fast", "sim-mid", "sim-smart", "sim-flaky", "sim-claude")) {
            SeedFile.SeedProvider sim = providers.get(id);
            assertThat(sim).as(id).isNotNull();
            assertThat(sim.simulated()).as(id).isTrue();
            assertThat(sim.enabled()).as(id).isTrue();
            // the OpenAI-compatible adapters append /chat/completions to a base URL ending in the version path;
            // the Anthropic adapter appends /v1/messages itself
            String version = sim.protocol() == ProtocolFamily.ANTHROPIC ? "" : "/v1";
            assertThat(sim.baseUrl()).isEqualTo("{self}/simulated/" + id + version);
        }
        assertThat(providers.get("sim-claude").protocol()).isEqualTo(ProtocolFamily.ANTHROPIC);
        assertThat(models("sim-fast")).containsExactly("sim-chat");
        assertThat(models("sim-mid")).containsExactly("sim-chat");
        assertThat(providers.get("sim-smart").deployments().getFirst().capabilities())
                .contains(Capability.TOOLS, Capability.VISION, Capability.JSON);
        SeedFile.SeedProvider embeddings = providers.get("local-embeddings");
        assertThat(embeddings.protocol()).isEqualTo(ProtocolFamily.IN_PROCESS);
        assertThat(embeddings.simulated()).isFalse();
        assertThat(embeddings.deployments().getFirst().capabilities()).containsExactly(Capability.EMBEDDINGS);
    }

    @Test
    void more_than_six_decimals_is_an_error_not_a_rounding() {
        SeedFile.SeedPrice tooPrecise = new SeedFile.SeedPrice("USD", "0.0000001", "0", "1", null, "x");

        assertThatThrownBy(() -> tooPrecise.toPrice(Instant.EPOCH)).hasMessageContaining("at most 6 decimals");
    }

    @Test
    void a_misspelt_field_is_refused() {
        String yaml = """
                seedDate: "2026-11-28T00:00:00Z"
                providers:
                  - id: x
                    displayName: X
                    protocol: OPENAI_COMPATIBLE
                    quirks: openai
                    baseUrl: https://example.com
                    region: us
                    jurisdiction: US
                    enabeld: true
                    deployments: []
                """;

        assertThatThrownBy(() -> SeedFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("enabeld");
    }

    private List<String> models(String provider) {
        return providers.get(provider).deployments().stream()
                .map(SeedFile.SeedDeployment::model)
                .toList();
    }

    private Price price(String provider, String model) {
        return providers.get(provider).deployments().stream()
                .filter(d -> d.model().equals(model))
                .findFirst()
                .orElseThrow()
                .price()
                .toPrice(seed.effectiveFrom());
    }
}

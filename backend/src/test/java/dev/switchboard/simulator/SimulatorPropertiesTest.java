package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorPropertiesTest {

    private static SimulatorProperties with(Map<String, SimulatorProperties.Provider> providers) {
        return new SimulatorProperties(null, false, 0, Duration.ofSeconds(120), 384, providers);
    }

    @Test
    void has_the_five_built_in_providers_with_their_latencies() {
        var providers = with(null).providers();

        assertThat(providers).containsOnlyKeys("sim-fast", "sim-mid", "sim-smart", "sim-flaky", "sim-claude");
        assertThat(providers.get("sim-fast").firstTokenLatency()).isEqualTo(Duration.ofMillis(40));
        assertThat(providers.get("sim-fast").interTokenDelay()).isEqualTo(Duration.ofMillis(5));
        assertThat(providers.get("sim-smart").capabilities()).contains(SimulatedCapability.VISION);
        assertThat(providers.get("sim-flaky").failureRate()).isEqualTo(0.3);
        assertThat(providers.get("sim-claude").protocol()).isEqualTo(SimulatedProtocol.ANTHROPIC);
    }

    @Test
    void a_setting_for_a_built_in_provider_changes_only_that_setting() {
        var flaky = new SimulatorProperties.Provider(null, null, null, 0.5, null, null);

        var merged = with(Map.of("sim-flaky", flaky)).providers().get("sim-flaky");

        assertThat(merged.failureRate()).isEqualTo(0.5);
        assertThat(merged.firstTokenLatency()).isEqualTo(Duration.ofMillis(100));
        assertThat(merged.protocol()).isEqualTo(SimulatedProtocol.OPENAI);
    }

    @Test
    void a_new_provider_takes_the_generic_defaults_and_lists_its_id_as_model() {
        var custom = new SimulatorProperties.Provider(SimulatedProtocol.ANTHROPIC, null, null, null, null, null);

        var added = with(Map.of("sim-extra", custom)).providers().get("sim-extra");

        assertThat(added.protocol()).isEqualTo(SimulatedProtocol.ANTHROPIC);
        assertThat(added.interTokenDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(added.models()).containsExactly("sim-extra");
    }

    @Test
    void refuses_an_id_that_cannot_be_a_path_segment_and_a_rate_out_of_range() {
        var any = new SimulatorProperties.Provider(null, null, null, null, null, null);

        assertThatThrownBy(() -> with(Map.of("Sim/Fast", any))).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new SimulatorProperties.Provider(null, null, null, 1.5, null, null))
                .hasMessageContaining("between 0.0 and 1.0");
    }
}

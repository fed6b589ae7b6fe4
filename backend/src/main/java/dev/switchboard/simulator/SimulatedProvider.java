package dev.switchboard.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One simulated upstream provider, as the catalog registers it. It is served over real HTTP under
 * {@link #path()}: OpenAI-compatible ones answer {@code POST {path}/v1/chat/completions}, {@code POST
 * {path}/v1/embeddings} and {@code GET {path}/v1/models}; Anthropic ones {@code POST {path}/v1/messages}
 * and {@code GET {path}/v1/models}. Every response carries {@code x-switchboard-simulated: true}.
 *
 * @param id the provider id, also the path segment ({@code sim-fast}, ...)
 * @param protocol the wire protocol it speaks
 * @param capabilities what it accepts beyond plain text
 * @param models the model ids it lists (calls accept any model id and echo it back)
 * @param firstTokenLatency simulated time to the first token
 * @param interTokenDelay simulated time between streamed tokens
 * @param failureRate share of calls failing with 429/500/503
 */
public record SimulatedProvider(
        String id,
        SimulatedProtocol protocol,
        Set<SimulatedCapability> capabilities,
        List<String> models,
        Duration firstTokenLatency,
        Duration interTokenDelay,
        double failureRate) {

    public SimulatedProvider {
        capabilities = Set.copyOf(capabilities);
        models = List.copyOf(models);
    }

    /** The path prefix the provider is served under, {@code /simulated/{id}}. */
    public String path() {
        return "/simulated/" + id;
    }

    public boolean supports(SimulatedCapability capability) {
        return capabilities.contains(capability);
    }

    static SimulatedProvider of(String id, SimulatorProperties.Provider settings) {
        return new SimulatedProvider(
                id,
                settings.protocol(),
                settings.capabilities(),
                settings.models(),
                settings.firstTokenLatency(),
                settings.interTokenDelay(),
                settings.failureRate());
    }
}

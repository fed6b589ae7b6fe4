package dev.switchboard.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated upstream providers the app serves itself under {@code /simulated/{providerId}}
 * ({@code switchboard.simulator.*}).
 *
 * <p>Five providers are built in ({@code sim-fast}, {@code sim-mid}, {@code sim-smart}, {@code
 * sim-flaky}, {@code sim-claude}). An entry under {@code providers} with a built-in id changes only
 * the settings it names (e.g. {@code switchboard.simulator.providers.sim-flaky.failure-rate=0.5}); a
 * new id adds a provider, its unset settings taken from a plain OpenAI-compatible default.
 *
 * @param enabled serve the simulated providers; unset means on, except in the {@code prod} profile
 *     where it must be switched on explicitly
 * @param zeroLatency skip every simulated latency (benchmarks, tests); the {@code timeout} fault
 *     still hangs
 * @param seed mixed into every generated text and every random fault, so a run is reproducible
 * @param timeoutFault how long the {@code timeout} fault keeps a request waiting before giving up
 * @param embeddingDimensions length of the embedding vectors when a request names no {@code
 *     dimensions}
 * @param providers per-provider settings, merged over the built-in ones
 */
@Validated
@ConfigurationProperties("switchboard.simulator")
public record SimulatorProperties(
        Boolean enabled,
        @DefaultValue("false") boolean zeroLatency,
        @DefaultValue("0") long seed,
        @NotNull @DefaultValue("120s") Duration timeoutFault,
        @Min(1) @Max(4096) @DefaultValue("384") int embeddingDimensions,
        Map<String, Provider> providers) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** The built-in providers: different latencies and capabilities, one flaky, one Anthropic. */
    static final Map<String, Provider> BUILT_IN = builtIn();

    public SimulatorProperties {
        Map<String, Provider> merged = new LinkedHashMap<>();
        BUILT_IN.forEach((id, provider) -> merged.put(id, provider.withModelsDefaultingTo(id)));
        if (providers != null) {
            providers.forEach((id, given) -> {
                if (!ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("simulated provider id '" + id
                            + "' must be lower-case letters, digits and dashes (it is part of a URL path)");
                }
                Provider base = merged.getOrDefault(id, Provider.GENERIC.withModelsDefaultingTo(id));
                merged.put(id, given.over(base));
            });
        }
        providers = Collections.unmodifiableMap(merged);
    }

    /**
     * Settings of one simulated provider; every field left unset falls back to the built-in provider
     * of the same id, or to {@link #GENERIC}.
     *
     * @param protocol the wire protocol
     * @param firstTokenLatency time before the first generated token
     * @param interTokenDelay time between two streamed tokens
     * @param failureRate share of requests answered with a 429, 500 or 503 (0.0 to 1.0),
     *     deterministic for a given seed and request
     * @param capabilities what requests it accepts beyond plain text
     * @param models the model ids {@code GET /v1/models} lists (any model id is accepted in calls)
     */
    public record Provider(
            SimulatedProtocol protocol,
            Duration firstTokenLatency,
            Duration interTokenDelay,
            Double failureRate,
            Set<SimulatedCapability> capabilities,
            List<String> models) {

        static final Provider GENERIC = new Provider(
                SimulatedProtocol.OPENAI,
                Duration.ofMillis(100),
                Duration.ofMillis(10),
                0.0,
                EnumSet.of(SimulatedCapability.TOOLS, SimulatedCapability.JSON),
                List.of());

        public Provider {
            if (failureRate != null && (failureRate < 0.0 || failureRate > 1.0)) {
                throw new IllegalArgumentException("failure-rate must be between 0.0 and 1.0, was " + failureRate);
            }
            if (firstTokenLatency != null && firstTokenLatency.isNegative()
                    || interTokenDelay != null && interTokenDelay.isNegative()) {
                throw new IllegalArgumentException("simulated latencies cannot be negative");
            }
            capabilities = capabilities == null ? null : Set.copyOf(capabilities);
            models = models == null ? null : List.copyOf(models);
        }

        Provider over(Provider base) {
            return new Provider(
                    protocol != null ? protocol : base.protocol,
                    firstTokenLatency != null ? firstTokenLatency : base.firstTokenLatency,
                    interTokenDelay != null ? interTokenDelay : base.interTokenDelay,
                    failureRate != null ? failureRate : base.failureRate,
                    capabilities != null ? capabilities : base.capabilities,
                    models != null && !models.isEmpty() ? models : base.models);
        }

        Provider withModelsDefaultingTo(String id) {
            return models == null || models.isEmpty()
                    ? new Provider(protocol, firstTokenLatency, interTokenDelay, failureRate, capabilities, List.of(id))
                    : this;
        }
    }

    private static Map<String, Provider> builtIn() {
        var tools = SimulatedCapability.TOOLS;
        var json = SimulatedCapability.JSON;
        var vision = SimulatedCapability.VISION;
        Map<String, Provider> providers = new LinkedHashMap<>();
        providers.put("sim-fast", openAi(40, 5, 0.0, Set.of(json), "sim-fast-mini"));
        providers.put("sim-mid", openAi(150, 15, 0.0, Set.of(tools, json), "sim-mid-standard"));
        providers.put("sim-smart", openAi(400, 30, 0.0, Set.of(tools, json, vision), "sim-smart-frontier"));
        providers.put("sim-flaky", openAi(100, 10, 0.3, Set.of(tools, json), "sim-flaky-standard"));
        providers.put(
                "sim-claude",
                new Provider(
                        SimulatedProtocol.ANTHROPIC,
                        Duration.ofMillis(200),
                        Duration.ofMillis(20),
                        0.0,
                        Set.of(tools, vision),
                        List.of("sim-claude-sonnet")));
        return Collections.unmodifiableMap(providers);
    }

    private static Provider openAi(
            long firstMillis, long interMillis, double failureRate, Set<SimulatedCapability> caps, String model) {
        return new Provider(
                SimulatedProtocol.OPENAI,
                Duration.ofMillis(firstMillis),
                Duration.ofMillis(interMillis),
                failureRate,
                caps,
                List.of(model));
    }
}

package dev.switchboard.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationPredicate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The timer of model calls ({@code switchboard.gateway.requests}, by endpoint and HTTP status; a stream
 * counts until its last event). It stands in for Spring's {@code http.server.requests} observation on
 * these paths: that one builds its tags, a long-task timer and an observation context per request, a
 * twentieth of the gateway's CPU per call in the gateway benchmark, for the same count and latency.
 */
@Component
class GatewayMetrics {

    static final String TIMER = "switchboard.gateway.requests";

    /** The endpoints served through {@link GatewayEndpoint}, measured here and not by the web layer. */
    static final Set<String> PATHS = Set.of(OpenAiController.PATH, AnthropicController.PATH, EmbeddingsController.PATH);

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Map<Integer, Timer>> timers = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Leaves the model-call paths out of {@code http.server.requests}: {@link #record} measures them. */
    @Bean
    static ObservationPredicate gatewayCallsMeasuredByGatewayMetrics() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && PATHS.contains(server.getCarrier().getRequestURI()));
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void record(Timer.Sample sample, String path, int status) {
        Timer timer = timers.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        status,
                        s -> Timer.builder(TIMER)
                                .description("Model calls through the gateway, by endpoint and HTTP status")
                                .tag("endpoint", path)
                                .tag("status", Integer.toString(s))
                                .register(registry));
        sample.stop(timer);
    }
}

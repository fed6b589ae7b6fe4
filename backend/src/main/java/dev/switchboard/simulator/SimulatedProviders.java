package dev.switchboard.simulator;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The simulated providers this process serves: what the catalog registers as the embedded default so
 * that gateway calls take the real adapter path over HTTP. The bean exists only while the simulator
 * is enabled ({@code switchboard.simulator.enabled}); inject it as an {@code Optional} or {@code
 * ObjectProvider} where it may be absent.
 */
@Service
@ConditionalOnSimulator
public class SimulatedProviders {

    private final List<SimulatedProvider> providers;
    private final Environment environment;

    SimulatedProviders(SimulatorProperties properties, Environment environment) {
        this.providers = properties.providers().entrySet().stream()
                .map(e -> SimulatedProvider.of(e.getKey(), e.getValue()))
                .toList();
        this.environment = environment;
    }

    /** Every simulated provider, built-in ones first. */
    public List<SimulatedProvider> all() {
        return providers;
    }

    public Optional<SimulatedProvider> find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The base URL a client of the provider's protocol is configured with, on this process's own HTTP
     * port: {@code http://127.0.0.1:PORT/simulated/ID/v1} for OpenAI-compatible providers (like {@code
     * https://api.openai.com/v1}) and {@code http://127.0.0.1:PORT/simulated/ID} for Anthropic ones
     * (like {@code https://api.anthropic.com}). Resolve it when calling, not at start-up: the port is
     * only known once the web server runs (tests use a random one).
     *
     * @throws IllegalArgumentException if there is no such simulated provider
     */
    public URI baseUrl(String id) {
        SimulatedProvider provider =
                find(id).orElseThrow(() -> new IllegalArgumentException("no simulated provider '" + id + "'"));
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        String suffix = provider.protocol() == SimulatedProtocol.OPENAI ? "/v1" : "";
        return URI.create("http://127.0.0.1:" + port + contextPath + provider.path() + suffix);
    }
}

package dev.switchboard.catalog;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves {@value ProviderSettings#SELF} in a stored base URL to this node's own HTTP port. Resolving
 * on every read rather than writing the port into the row keeps a shared database right for every
 * node and for test contexts on random ports.
 */
@Component
class SelfUrl {

    private final Environment environment;

    SelfUrl(Environment environment) {
        this.environment = environment;
    }

    String resolve(String baseUrl) {
        if (baseUrl == null || !baseUrl.startsWith(ProviderSettings.SELF)) {
            return baseUrl;
        }
        // local.server.port is the port actually bound (server.port may be 0 = random)
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + baseUrl.substring(ProviderSettings.SELF.length());
    }
}

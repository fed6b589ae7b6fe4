package dev.switchboard.workflow;

import dev.switchboard.connectors.Connectors;
import dev.switchboard.connectors.SecretResolver;
import dev.switchboard.connectors.StandardConnectors;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connectors workflows may call: the generic HTTP connector, guarded by an egress policy (no
 * internal addresses unless listed in {@code switchboard.connectors.http.allow}), with credentials
 * named in workflows and resolved here ({@code switchboard.connectors.secrets.<name>}, from the
 * environment in production), never written into workflow JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorConfiguration.ConnectorProperties.class)
class ConnectorConfiguration {

    /**
     * @param httpAllow hosts, addresses or CIDRs the HTTP connector may reach although internal
     * @param httpDeny hosts, addresses or CIDRs it may never reach, even if public
     * @param secrets credentials by the name workflows use
     */
    @ConfigurationProperties("switchboard.connectors")
    record ConnectorProperties(Http http, @DefaultValue Map<String, String> secrets) {
        record Http(
                @DefaultValue List<String> allow,
                @DefaultValue List<String> deny) {}

        ConnectorProperties {
            http = http == null ? new Http(List.of(), List.of()) : http;
            secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        }
    }

    @Bean
    Connectors connectors(ConnectorProperties properties, Clock clock) {
        SecretResolver secrets =
                name -> Optional.ofNullable(properties.secrets().get(name));
        return new Connectors(StandardConnectors.create(
                properties.http().allow(), properties.http().deny(), secrets, clock));
    }

    /** Lets go of the connectors' resources (HTTP clients) when the application stops. */
    @Bean
    org.springframework.beans.factory.DisposableBean connectorsCloser(Connectors connectors) {
        return () -> StandardConnectors.close(connectors.all());
    }
}

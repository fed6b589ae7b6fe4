package dev.switchboard.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Temporal beans beyond what the starter creates from the properties {@link
 * TemporalEnvironmentPostProcessor} maps: the embedded server and a health indicator.
 *
 * <p>An auto-configuration rather than a scanned configuration because the post-processor applies to
 * every application with this module on the classpath: a context that did not scan this package
 * would otherwise get a client and workers aimed at an embedded server nobody started, and workers
 * refuse to start when the server does not answer.
 */
@AutoConfiguration
@EnableConfigurationProperties(TemporalProperties.class)
class TemporalAutoConfiguration {

    private static final String EMBEDDED = "switchboard.temporal.embedded";

    /** Shows in {@code /actuator/health} as {@code temporal} (the bean name minus its suffix). */
    @Bean
    TemporalHealthIndicator temporalHealthIndicator(WorkflowClient workflowClient) {
        return new TemporalHealthIndicator(workflowClient);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = EMBEDDED, matchIfMissing = true)
    EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
        return EmbeddedTemporalServer.start(properties.port());
    }

    /**
     * Points the starter's service stubs at the embedded server. Being a constructor argument of the
     * starter's stubs, this customizer is also what starts the server before the stubs exist (and
     * stops it after them). It overrides the mapped {@code spring.temporal.connection.target}, the
     * same address in a normal start, because only the server knows the port it chose for {@code
     * port=0}, and the port may come from a property source added after environment
     * post-processing, such as a test's {@code @DynamicPropertySource}.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = EMBEDDED, matchIfMissing = true)
    TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> embeddedTemporalServerTarget(
            EmbeddedTemporalServer server) {
        return options -> options.setTarget(server.target());
    }
}

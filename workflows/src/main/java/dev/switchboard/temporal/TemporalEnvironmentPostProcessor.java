package dev.switchboard.temporal;

import dev.switchboard.platform.NodeRole;
import dev.switchboard.platform.SwitchboardProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Translates {@link TemporalProperties} and {@code switchboard.roles} into the Temporal Spring Boot
 * starter's {@code spring.temporal.*} properties, and refuses the embedded server in the {@code prod}
 * profile.
 *
 * <p>This has to happen on the environment, before any bean exists: the starter decides with
 * conditions on these properties whether it creates a client at all ({@code connection.target}),
 * whether workers exist ({@code workers}, {@code workers-auto-discovery}) and whether they start
 * ({@code start-workers}). The mapped values are added with the lowest precedence, so a {@code
 * spring.temporal.*} value set explicitly (e.g. mTLS for a managed cluster) still wins. Roles and
 * {@code embedded} are read once, here, from the configuration Boot has loaded by now (files,
 * environment variables, command line, profiles).
 */
class TemporalEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "switchboardTemporal";

    /** Where {@code @WorkflowImpl} classes are found; they are deterministic code, not Spring beans. */
    static final String WORKFLOW_PACKAGES = "dev.switchboard";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        TemporalProperties temporal = binder.bindOrCreate("switchboard.temporal", TemporalProperties.class);
        SwitchboardProperties platform = binder.bindOrCreate("switchboard", SwitchboardProperties.class);
        refuseEmbeddedServerInProd(environment, temporal);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, starterProperties(temporal, platform)));
    }

    private static void refuseEmbeddedServerInProd(ConfigurableEnvironment environment, TemporalProperties temporal) {
        if (temporal.embedded() && environment.matchesProfiles("prod")) {
            throw new IllegalStateException("the embedded Temporal server is not allowed in the prod profile: "
                    + "set SWITCHBOARD_TEMPORAL_EMBEDDED=false and SWITCHBOARD_TEMPORAL_TARGET=<host:port> "
                    + "of your Temporal cluster");
        }
    }

    static Map<String, Object> starterProperties(TemporalProperties temporal, SwitchboardProperties platform) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.temporal.connection.target", temporal.connectionTarget());
        properties.put("spring.temporal.namespace", temporal.namespace());
        // one explicitly configured worker, so implementations can join it by name and its options
        // (virtual threads for blocking activity I/O such as model calls) live in one place
        properties.put("spring.temporal.workers[0].name", TemporalProperties.WORKER);
        properties.put("spring.temporal.workers[0].task-queue", temporal.taskQueue());
        properties.put("spring.temporal.workers[0].virtual-threads.using-virtual-threads", true);
        // enabled: @ActivityImpl (and @WorkflowImpl) beans; workflow-packages: plain @WorkflowImpl classes
        properties.put("spring.temporal.workers-auto-discovery.enabled", true);
        properties.put("spring.temporal.workers-auto-discovery.workflow-packages", WORKFLOW_PACKAGES);
        // api/ui nodes keep the client (to start and query workflows) but never poll task queues
        properties.put("spring.temporal.start-workers", platform.plays(NodeRole.WORKER));
        return properties;
    }
}

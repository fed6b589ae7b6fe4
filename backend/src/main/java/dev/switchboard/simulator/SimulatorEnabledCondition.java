package dev.switchboard.simulator;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code switchboard.simulator.enabled} when set; otherwise on, unless the {@code prod} profile is
 * active. Decided here rather than in a profile file because the default ships with the backend, and
 * a production install must never answer model calls with simulated text by accident.
 */
class SimulatorEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return Binder.get(environment)
                .bind("switchboard.simulator.enabled", Boolean.class)
                .orElseGet(() -> !environment.matchesProfiles("prod"));
    }
}

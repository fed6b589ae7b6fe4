package dev.switchboard.gateway.routing;

import java.util.Optional;

/** What the router knows of a deployment's recent behaviour on this node. */
public interface HealthView {

    /** False while the deployment's circuit is open (a half-open probe counts as available). */
    boolean available(String deploymentId);

    /** The observed 95th percentile latency, once enough calls were seen. */
    Optional<Long> p95Millis(String deploymentId);

    HealthView ALL_HEALTHY = new HealthView() {
        @Override
        public boolean available(String deploymentId) {
            return true;
        }

        @Override
        public Optional<Long> p95Millis(String deploymentId) {
            return Optional.empty();
        }
    };
}

package dev.switchboard.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker and a latency window per deployment, on this node. After {@link
 * #FAILURES_TO_OPEN} consecutive failures (or one 429 with Retry-After) a deployment is skipped for a
 * cooldown that doubles on every failed probe (capped); when it ends, one caller at a time may probe
 * (half-open); a success closes the circuit. Per-node by design: health is a local observation, and a
 * wrong guess costs one fallback, never money.
 */
@Component
public class DeploymentHealth implements HealthView {

    static final int FAILURES_TO_OPEN = 3;
    static final Duration BASE_COOLDOWN = Duration.ofSeconds(10);
    static final Duration MAX_COOLDOWN = Duration.ofMinutes(5);
    static final int WINDOW = 200;
    static final int MIN_SAMPLES = 20;

    private final Clock clock;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    public DeploymentHealth(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean available(String deploymentId) {
        State s = states.get(deploymentId);
        return s == null || s.available(clock.instant());
    }

    /**
     * Asks to send a call. Always yes while closed; in half-open only the first asker gets to probe.
     */
    public boolean tryAcquire(String deploymentId) {
        return state(deploymentId).tryAcquire(clock.instant());
    }

    public void recordSuccess(String deploymentId, long latencyMillis) {
        state(deploymentId).success(latencyMillis);
    }

    /** A failed call; {@code retryAfter} from a 429 opens the circuit at once for that long. */
    public void recordFailure(String deploymentId, Optional<Duration> retryAfter) {
        state(deploymentId).failure(clock.instant(), retryAfter);
    }

    @Override
    public Optional<Long> p95Millis(String deploymentId) {
        State s = states.get(deploymentId);
        return s == null ? Optional.empty() : s.percentile(95);
    }

    public Optional<Long> p50Millis(String deploymentId) {
        State s = states.get(deploymentId);
        return s == null ? Optional.empty() : s.percentile(50);
    }

    private State state(String deploymentId) {
        return states.computeIfAbsent(deploymentId, id -> new State());
    }

    private static final class State {
        private int consecutiveFailures;
        private Instant openUntil = Instant.MIN;
        private Duration cooldown = BASE_COOLDOWN;
        private boolean probing;
        private final long[] latencies = new long[WINDOW];
        private int samples;
        private int next;

        synchronized boolean available(Instant now) {
            return !now.isBefore(openUntil) && !probing;
        }

        synchronized boolean tryAcquire(Instant now) {
            if (now.isBefore(openUntil)) {
                return false;
            }
            if (openUntil.equals(Instant.MIN)) {
                return true; // closed
            }
            if (probing) {
                return false;
            }
            probing = true;
            return true;
        }

        synchronized void success(long latencyMillis) {
            consecutiveFailures = 0;
            openUntil = Instant.MIN;
            cooldown = BASE_COOLDOWN;
            probing = false;
            latencies[next] = latencyMillis;
            next = (next + 1) % WINDOW;
            samples = Math.min(samples + 1, WINDOW);
        }

        synchronized void failure(Instant now, Optional<Duration> retryAfter) {
            consecutiveFailures++;
            boolean wasProbe = probing;
            probing = false;
            if (retryAfter.isPresent()) {
                openUntil = now.plus(retryAfter.get().compareTo(MAX_COOLDOWN) > 0 ? MAX_COOLDOWN : retryAfter.get());
            } else if (wasProbe) {
                cooldown =
                        cooldown.multipliedBy(2).compareTo(MAX_COOLDOWN) > 0 ? MAX_COOLDOWN : cooldown.multipliedBy(2);
                openUntil = now.plus(cooldown);
            } else if (consecutiveFailures >= FAILURES_TO_OPEN) {
                openUntil = now.plus(cooldown);
            }
        }

        synchronized Optional<Long> percentile(int p) {
            if (samples < MIN_SAMPLES) {
                return Optional.empty();
            }
            long[] sorted = Arrays.copyOf(latencies, samples);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * samples) - 1;
            return Optional.of(sorted[Math.max(0, index)]);
        }
    }
}

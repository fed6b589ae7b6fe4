package dev.switchboard.gateway;

import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.routing.DeploymentHealth;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.gateway.upstream.UpstreamException;
import dev.switchboard.gateway.upstream.UpstreamTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The retry and fallback loop over a route plan: each candidate in order (skipping those whose
 * half-open circuit is already being probed), a wait-and-retry on the same deployment when it asked
 * for a short Retry-After, the next candidate on 429, 5xx, timeouts, connection failures and
 * malformed answers, as long as the caller has seen nothing yet. A failure after the first byte is
 * not the loop's to hide: it goes back to the caller, who settles what was delivered.
 */
@Component
class UpstreamCalls {

    /** One attempt against one deployment. */
    @FunctionalInterface
    interface Attempt<T> {
        T call(Candidate candidate, UpstreamTarget target);
    }

    /** The loop's result: the value, who produced it, and the providers tried on the way. */
    record Served<T>(T value, Candidate candidate, List<String> fallbackChain) {}

    /** Every candidate failed before the first byte. */
    static final class Exhausted extends RuntimeException {
        final transient List<String> fallbackChain;
        final transient GatewayException error;

        Exhausted(List<String> fallbackChain, GatewayException error) {
            super(error.getMessage());
            this.fallbackChain = List.copyOf(fallbackChain);
            this.error = error;
        }
    }

    static final Duration BACKOFF = Duration.ofMillis(200);

    private final DeploymentDirectory directory;
    private final DeploymentHealth health;
    private final GatewayProperties properties;

    UpstreamCalls(DeploymentDirectory directory, DeploymentHealth health, GatewayProperties properties) {
        this.directory = directory;
        this.health = health;
        this.properties = properties;
    }

    <T> Served<T> run(RoutePlan plan, Attempt<T> attempt) {
        List<String> chain = new ArrayList<>();
        UpstreamException last = null;
        int attempts = 0;
        List<RoutePlan.Ranked> ranked = plan.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            Candidate candidate = ranked.get(i).candidate();
            boolean lastCandidate = i == ranked.size() - 1;
            if (!health.tryAcquire(candidate.deploymentId())) {
                continue; // another call is probing this half-open deployment
            }
            boolean retriedHere = false;
            while (attempts < properties.maxAttempts()) {
                attempts++;
                chain.add(candidate.providerId());
                long started = System.nanoTime();
                try {
                    T value = attempt.call(candidate, directory.target(candidate.deploymentId()));
                    health.recordSuccess(candidate.deploymentId(), (System.nanoTime() - started) / 1_000_000);
                    return new Served<>(value, candidate, chain);
                } catch (UpstreamException e) {
                    if (!e.beforeFirstByte()) {
                        health.recordFailure(candidate.deploymentId(), Optional.empty());
                        throw e;
                    }
                    last = e;
                    Optional<Duration> retryAfter = e.kind() instanceof UpstreamException.RateLimited limited
                            ? limited.retryAfter()
                            : Optional.empty();
                    if (e.kind() instanceof UpstreamException.ClientError client && isCallersFault(client.status())) {
                        // the request itself is wrong: another provider would refuse it just the same
                        throw GatewayException.invalidRequest(
                                null, "The provider refused the request: " + client.upstreamMessage());
                    }
                    Optional<Duration> wait = retryAfter.isPresent()
                            ? retryAfter.filter(d -> d.compareTo(properties.maxRetryWait()) <= 0)
                            // nothing to fall back to: back off and try the same one again
                            : lastCandidate
                                    ? Optional.of(BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 4)))
                                    : Optional.empty();
                    if (!retriedHere && wait.isPresent()) {
                        retriedHere = true;
                        sleep(wait.get());
                        continue;
                    }
                    health.recordFailure(candidate.deploymentId(), retryAfter);
                    break;
                }
            }
            if (attempts >= properties.maxAttempts()) {
                break;
            }
        }
        throw new Exhausted(chain, failure(plan, last, chain));
    }

    /** 400, 404 (unknown upstream model is our catalog's fault though), 413, 422: the caller's request. */
    private static boolean isCallersFault(int status) {
        return status == 400 || status == 413 || status == 422;
    }

    private static GatewayException failure(RoutePlan plan, UpstreamException last, List<String> chain) {
        if (last == null) {
            return GatewayException.upstream(
                    503,
                    "no_available_provider",
                    "No provider for '" + plan.model() + "' is available right now (all are cooling down after"
                            + " failures); retry shortly.",
                    Duration.ofSeconds(5));
        }
        String tried = "Tried " + chain + "; last error: " + last.getMessage();
        return switch (last.kind()) {
            case UpstreamException.Timeout t ->
                GatewayException.upstream(504, "upstream_timeout", "The upstream provider timed out. " + tried, null);
            case UpstreamException.RateLimited r ->
                GatewayException.upstream(
                        503,
                        "upstream_rate_limited",
                        "Every provider for '" + plan.model() + "' is rate limiting us. " + tried,
                        r.retryAfter().orElse(Duration.ofSeconds(5)));
            default -> GatewayException.upstream(502, "upstream_error", "The upstream provider failed. " + tried, null);
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.upstream(
                    503, "interrupted", "The call was interrupted while waiting to retry.", null);
        }
    }
}

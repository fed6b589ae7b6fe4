package dev.switchboard.simulator;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Decides the fault of a call: the one {@code x-sim-fault} asks for, else, for a provider with a
 * failure rate, a 429, 500 or 503 drawn from the seed, the request body and how often that same
 * body was sent before. So a run is reproducible, and a retry of a failed request may succeed.
 */
@Component
@ConditionalOnSimulator
class FaultInjector {

    private static final List<Fault> RANDOM_FAULTS = List.of(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.UNAVAILABLE);
    private static final int MAX_REMEMBERED = 100_000;

    private final long seed;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    FaultInjector(SimulatorProperties properties) {
        this.seed = properties.seed();
    }

    FaultPlan plan(SimulatedProvider provider, HttpServletRequest request, byte[] body) {
        int cutAfter = cutAfterTokens(request.getHeader(Fault.AFTER_TOKENS_HEADER));
        Optional<Fault> asked = Fault.parse(request.getHeader(Fault.HEADER));
        if (asked.isPresent()) {
            return new FaultPlan(asked, cutAfter);
        }
        return new FaultPlan(random(provider, body), cutAfter);
    }

    Optional<Fault> random(SimulatedProvider provider, byte[] body) {
        if (provider.failureRate() <= 0.0) {
            return Optional.empty();
        }
        long bodyHash = Seeds.of(body);
        if (attempts.size() > MAX_REMEMBERED) {
            attempts.clear();
        }
        int attempt = attempts.merge(provider.id() + ":" + bodyHash, 1, Integer::sum);
        long draw = Seeds.of(seed, provider.id(), bodyHash, attempt);
        if (Seeds.unit(draw) >= provider.failureRate()) {
            return Optional.empty();
        }
        return Optional.of(RANDOM_FAULTS.get((int) Math.floorMod(Seeds.of(draw), (long) RANDOM_FAULTS.size())));
    }

    private static int cutAfterTokens(String header) {
        if (header == null || header.isBlank()) {
            return FaultPlan.DEFAULT_CUT_AFTER_TOKENS;
        }
        try {
            int tokens = Integer.parseInt(header.strip());
            if (tokens >= 0) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SimulatedFailure.invalid(
                Fault.AFTER_TOKENS_HEADER + " must be a whole number >= 0, was '" + header + "'");
    }
}

package dev.switchboard.gateway.routing;

import java.util.List;

/**
 * The router's answer: the candidates to try, best first, with their expected cost, and every
 * deployment that matched the model but was left out, with the reason.
 */
public record RoutePlan(String model, List<Ranked> ranked, List<Exclusion> excluded) {

    /**
     * A candidate in order, with what the router expects it to cost: exactly (millionths of a reference
     * micro, what ranking uses) and rounded up to whole reference micros (what people read).
     */
    public record Ranked(Candidate candidate, long expectedCostExact, Long observedP95Millis) {

        public long expectedCostMicros() {
            return Math.ceilDiv(expectedCostExact, 1_000_000L);
        }
    }

    public RoutePlan {
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
    }

    public boolean isEmpty() {
        return ranked.isEmpty();
    }
}

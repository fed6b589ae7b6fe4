package dev.switchboard.gateway.routing;

import java.util.Objects;
import java.util.Set;

/**
 * One deployment the router may send a request to: a model served by a provider, with what it can do,
 * where it runs and what it costs (wholesale, per million tokens, in reference-currency micros so
 * candidates priced in different currencies compare).
 *
 * @param tier {@code frontier}, {@code standard} or {@code economy}
 * @param inputPricePerMTok reference-currency micros per million input tokens (for ranking only)
 */
public record Candidate(
        String deploymentId,
        String providerId,
        String model,
        String tier,
        Set<Capability> capabilities,
        int contextWindow,
        int maxOutputTokens,
        int weight,
        String region,
        String jurisdiction,
        boolean enabled,
        long inputPricePerMTok,
        long outputPricePerMTok) {

    public Candidate {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(model, "model");
        capabilities = Set.copyOf(capabilities);
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * Expected cost of {@code promptTokens} in and {@code outputTokens} out, exactly, in millionths of a
     * reference micro (price per million tokens × tokens): small calls on cheap models still rank by price
     * instead of tying at one rounded micro.
     */
    long expectedCostExact(long promptTokens, long outputTokens) {
        return Math.addExact(
                Math.multiplyExact(promptTokens, inputPricePerMTok),
                Math.multiplyExact(outputTokens, outputPricePerMTok));
    }
}

package dev.switchboard.catalog;

import java.time.Instant;
import java.util.Set;

/**
 * A model served by a provider: the unit the router ranks, the adapters call and the ledger prices.
 *
 * @param modelName the public name callers use (shared by deployments of the same model)
 * @param upstreamModelId what is sent upstream as the model
 */
public record Deployment(
        DeploymentId id,
        ProviderId providerId,
        String modelName,
        String upstreamModelId,
        Tier tier,
        Set<Capability> capabilities,
        int contextWindowTokens,
        int maxOutputTokens,
        int weight,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public Deployment {
        capabilities = Set.copyOf(capabilities);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }
}

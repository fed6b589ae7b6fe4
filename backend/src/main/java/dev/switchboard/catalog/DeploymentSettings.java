package dev.switchboard.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an admin may change about a deployment.
 *
 * @param upstreamModelId the id the provider expects (may differ from the public name, e.g. a Doubao
 *     endpoint id {@code ep-...})
 * @param contextWindowTokens prompt plus completion tokens the deployment accepts; capped below the
 *     provider's own limit where the provider charges more above a threshold, so the flat price holds
 * @param maxOutputTokens 0 for embedding models
 * @param weight breaks ties between otherwise equal candidates (0-1000, higher first)
 */
public record DeploymentSettings(
        String upstreamModelId,
        Tier tier,
        Set<Capability> capabilities,
        int contextWindowTokens,
        int maxOutputTokens,
        int weight,
        boolean enabled) {

    public static final int MAX_WEIGHT = 1000;

    public DeploymentSettings {
        upstreamModelId = upstreamModelId == null ? "" : upstreamModelId.strip();
        if (upstreamModelId.isEmpty()
                || upstreamModelId.length() > 200
                || upstreamModelId.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new CatalogValidationException("upstreamModelId", "must be 1-200 characters without blanks");
        }
        if (tier == null) {
            throw new CatalogValidationException("tier", "must be given");
        }
        capabilities =
                capabilities == null || capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        if (contextWindowTokens <= 0) {
            throw new CatalogValidationException("contextWindowTokens", "must be positive");
        }
        if (maxOutputTokens < 0 || maxOutputTokens > contextWindowTokens) {
            throw new CatalogValidationException(
                    "maxOutputTokens", "must be between 0 and the context window (" + contextWindowTokens + ")");
        }
        boolean embeddings = capabilities.contains(Capability.EMBEDDINGS);
        if (!embeddings && maxOutputTokens == 0) {
            throw new CatalogValidationException("maxOutputTokens", "must be positive for a chat model");
        }
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new CatalogValidationException("weight", "must be between 0 and " + MAX_WEIGHT);
        }
    }
}

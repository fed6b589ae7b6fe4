package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import java.util.UUID;

/**
 * Usage summed over one {@link UsageSlice} for one project, model, provider, key and currency.
 *
 * @param projectId {@code null} for calls charged to no project
 * @param providerId {@code null} for calls no provider served
 * @param apiKeyId {@code null} for the master key and calls from inside the platform
 * @param inputTokens all input tokens, cached ones included
 */
public record UsageGroup(
        String slice,
        OrgUnitId projectId,
        String model,
        String providerId,
        UUID apiKeyId,
        String currency,
        long calls,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens,
        long wholesaleMicros,
        long retailMicros) {}

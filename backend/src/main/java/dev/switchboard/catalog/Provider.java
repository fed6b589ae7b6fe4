package dev.switchboard.catalog;

import java.time.Instant;

/**
 * An upstream that serves models, as the rest of the platform sees it. Its API key never leaves the
 * catalog through this record; {@link #hasApiKey()} says whether one is set, and adapters obtain it
 * from {@link Catalog#upstreamApiKey(ProviderId)} at call time.
 *
 * @param baseUrl resolved for this node (a {@code {self}} URL points at this process); {@code null}
 *     for {@link ProtocolFamily#IN_PROCESS}
 * @param quirks {@code null} for {@link ProtocolFamily#IN_PROCESS}
 * @param simulated a built-in simulator: its answers are not real model output
 */
public record Provider(
        ProviderId id,
        String displayName,
        ProtocolFamily protocol,
        QuirksPreset quirks,
        String baseUrl,
        String region,
        String jurisdiction,
        boolean enabled,
        boolean simulated,
        boolean hasApiKey,
        Instant createdAt,
        Instant updatedAt) {}

package dev.switchboard.gateway.routing;

import java.util.Objects;
import java.util.Set;

/**
 * What the router needs to know of a request to choose where it goes.
 *
 * @param model a concrete model name ({@code deepseek-chat}), a pinned provider ({@code
 *     sim-fast/sim-chat}), a tier ({@code tier:economy}) or {@code auto}
 * @param needs the capabilities the request uses (tools, images, JSON output, streaming)
 * @param promptTokens the prompt's token count, from the tokenizer
 * @param maxTokens the requested output limit, {@code null} when the caller set none
 * @param latencyCeilingMillis skip deployments whose observed p95 is above this, {@code null} for none
 */
public record RouteRequest(
        String model, Set<Capability> needs, long promptTokens, Integer maxTokens, Long latencyCeilingMillis) {

    public static final String AUTO = "auto";
    public static final String TIER_PREFIX = "tier:";

    public RouteRequest {
        Objects.requireNonNull(model, "model");
        needs = Set.copyOf(needs);
    }
}

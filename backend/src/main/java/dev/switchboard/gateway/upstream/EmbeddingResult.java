package dev.switchboard.gateway.upstream;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * An embeddings response.
 *
 * @param response the OpenAI {@code list} of {@code embedding} objects
 * @param usage the upstream's usage ({@code promptTokens} only), or {@code null} when it reported none
 */
public record EmbeddingResult(ObjectNode response, Usage usage) {

    public EmbeddingResult {
        Objects.requireNonNull(response, "response");
    }
}

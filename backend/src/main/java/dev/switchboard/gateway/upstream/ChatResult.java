package dev.switchboard.gateway.upstream;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A non-streamed chat completion.
 *
 * @param response the completion in the OpenAI {@code chat.completion} shape, whatever the upstream protocol
 * @param usage the upstream's own usage figures, or {@code null} when it reported none
 */
public record ChatResult(ObjectNode response, Usage usage) {

    public ChatResult {
        Objects.requireNonNull(response, "response");
    }
}

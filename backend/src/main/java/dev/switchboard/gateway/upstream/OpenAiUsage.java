package dev.switchboard.gateway.upstream;

import tools.jackson.databind.JsonNode;

/** Reads the {@code usage} object of OpenAI-compatible responses, provider dialects included. */
final class OpenAiUsage {

    private OpenAiUsage() {}

    /**
     * The usage in {@code node}, or {@code null} when it is not an object. Cached prompt tokens come from
     * {@code prompt_tokens_details.cached_tokens} (OpenAI, Qwen, most others) or DeepSeek's {@code
     * prompt_cache_hit_tokens} (https://api-docs.deepseek.com/guides/kv_cache); reasoning tokens from {@code
     * completion_tokens_details.reasoning_tokens}.
     */
    static Usage parse(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        long prompt = node.path("prompt_tokens").asLong(0);
        long completion = node.path("completion_tokens").asLong(0);
        long cached = node.path("prompt_tokens_details").path("cached_tokens").asLong(-1);
        if (cached < 0) {
            cached = node.path("prompt_cache_hit_tokens").asLong(0);
        }
        long reasoning =
                node.path("completion_tokens_details").path("reasoning_tokens").asLong(0);
        return new Usage(prompt, completion, cached, reasoning);
    }
}

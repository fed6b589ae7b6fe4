package dev.switchboard.gateway.upstream;

/**
 * Token usage of one upstream call in OpenAI terms, the basis of cost math.
 *
 * <p>{@code promptTokens} counts every input token including the cached ones, so the wholesale cost is
 * {@code (promptTokens - cachedPromptTokens) * input price + cachedPromptTokens * cached-input price +
 * completionTokens * output price}. {@code completionTokens} includes {@code reasoningTokens}, as in
 * OpenAI's {@code completion_tokens_details}.
 *
 * @param promptTokens all input tokens, cached ones included
 * @param completionTokens all generated tokens, reasoning included
 * @param cachedPromptTokens the part of {@code promptTokens} served from the provider's prompt cache
 * @param reasoningTokens the part of {@code completionTokens} spent on hidden reasoning
 */
public record Usage(long promptTokens, long completionTokens, long cachedPromptTokens, long reasoningTokens) {

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        // Some providers report cache hits beyond the prompt they counted; never charge a negative remainder.
        cachedPromptTokens = Math.min(cachedPromptTokens, promptTokens);
        reasoningTokens = Math.min(reasoningTokens, completionTokens);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}

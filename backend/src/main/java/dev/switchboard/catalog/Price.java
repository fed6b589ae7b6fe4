package dev.switchboard.catalog;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * The wholesale list price of a deployment from {@link #effectiveFrom()} until the next price starts:
 * integer micro-units of {@link #currency()} per million tokens (US$ 0.075 / MTok is {@code 75_000}).
 *
 * <p>Cached input is the part of the prompt the provider served from its prompt cache. As in the
 * OpenAI, DeepSeek and Gemini usage reports, cached tokens are <em>included</em> in the prompt tokens:
 * {@link #costMicros} charges {@code promptTokens - cachedPromptTokens} at the input price and the
 * cached ones at the cached price. (Anthropic reports cache reads apart from {@code input_tokens}; its
 * adapter adds them before pricing. Anthropic's cache <em>writes</em> cost 1.25× input and are
 * charged at the plain input price here: a known under-statement of this three-price model.)
 *
 * @param source where the numbers come from (URL or document, and the date it was read)
 */
public record Price(
        long inputMicrosPerMTok,
        long outputMicrosPerMTok,
        long cachedInputMicrosPerMTok,
        Currency currency,
        Instant effectiveFrom,
        String source) {

    private static final long MICROS_PER_MTOK_DIVISOR = 1_000_000L;

    public Price {
        if (inputMicrosPerMTok < 0) {
            throw new CatalogValidationException("inputMicrosPerMTok", "must not be negative");
        }
        if (outputMicrosPerMTok < 0) {
            throw new CatalogValidationException("outputMicrosPerMTok", "must not be negative");
        }
        if (cachedInputMicrosPerMTok < 0 || cachedInputMicrosPerMTok > inputMicrosPerMTok) {
            throw new CatalogValidationException(
                    "cachedInputMicrosPerMTok", "must be between 0 and the input price (" + inputMicrosPerMTok + ")");
        }
        if (currency == null) {
            throw new CatalogValidationException("currency", "must be an ISO 4217 code such as USD");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        source = source == null ? "" : source.strip();
        if (source.isEmpty() || source.length() > 1000) {
            throw new CatalogValidationException(
                    "source", "must say where the price comes from (a URL or document and date), 1-1000 characters");
        }
    }

    /**
     * The wholesale cost of one call in micro-units of {@link #currency()}, exact to the micro: the
     * three token counts are multiplied by their prices, summed, and divided by one million once,
     * rounding half up. So 1 token at US$ 0.15 / MTok costs 0 micros (0.15 rounds down) and 4 tokens
     * cost 1 micro (0.6 rounds up); splitting a call never changes the rounding of its parts' sum.
     *
     * @param promptTokens all prompt tokens, cached ones included
     * @param cachedPromptTokens the part of {@code promptTokens} served from the prompt cache
     * @param completionTokens output tokens, reasoning tokens included
     * @throws IllegalArgumentException for negative counts or more cached than prompt tokens
     * @throws ArithmeticException if the result does not fit a {@code long} (no real call comes close)
     */
    public long costMicros(long promptTokens, long cachedPromptTokens, long completionTokens) {
        if (promptTokens < 0 || cachedPromptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: prompt=" + promptTokens + ", cached="
                    + cachedPromptTokens + ", completion=" + completionTokens);
        }
        if (cachedPromptTokens > promptTokens) {
            throw new IllegalArgumentException("cached prompt tokens are part of the prompt tokens: cached="
                    + cachedPromptTokens + " > prompt=" + promptTokens);
        }
        long uncached = promptTokens - cachedPromptTokens;
        long scaled = Math.addExact(
                Math.addExact(
                        Math.multiplyExact(uncached, inputMicrosPerMTok),
                        Math.multiplyExact(cachedPromptTokens, cachedInputMicrosPerMTok)),
                Math.multiplyExact(completionTokens, outputMicrosPerMTok));
        // scaled is non-negative, so integer division after adding half the divisor rounds half up
        return Math.addExact(scaled, MICROS_PER_MTOK_DIVISOR / 2) / MICROS_PER_MTOK_DIVISOR;
    }
}

package dev.switchboard.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a model's retail price in a plan, in micro-units of the plan's currency per million
 * tokens, from {@link #effectiveFrom()} until the model's next version starts. A withdrawn version says
 * that from then on the plan does not list the model (its calls fall back to the markup rule).
 *
 * <p>As in the catalog's wholesale prices, cached input tokens are <em>part of</em> the input tokens:
 * {@link #retailMicros} charges {@code input - cached} at the input price and {@code cached} at the
 * cached-input price.
 */
public record PlanPrice(
        String model,
        long inputMicrosPerMTok,
        long cachedInputMicrosPerMTok,
        long outputMicrosPerMTok,
        Instant effectiveFrom,
        boolean withdrawn) {

    private static final long PER_MILLION = 1_000_000L;

    public PlanPrice {
        model = PlanModels.check(model);
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (inputMicrosPerMTok < 0) {
            throw new LedgerValidationException("inputMicrosPerMTok", "must not be negative");
        }
        if (outputMicrosPerMTok < 0) {
            throw new LedgerValidationException("outputMicrosPerMTok", "must not be negative");
        }
        if (cachedInputMicrosPerMTok < 0 || cachedInputMicrosPerMTok > inputMicrosPerMTok) {
            throw new LedgerValidationException(
                    "cachedInputMicrosPerMTok", "must be between 0 and the input price (" + inputMicrosPerMTok + ")");
        }
        if (withdrawn && (inputMicrosPerMTok != 0 || cachedInputMicrosPerMTok != 0 || outputMicrosPerMTok != 0)) {
            throw new IllegalArgumentException("a withdrawn price has no amounts");
        }
    }

    /** The version that takes {@code model} out of the plan from {@code effectiveFrom} on. */
    public static PlanPrice withdrawal(String model, Instant effectiveFrom) {
        return new PlanPrice(model, 0, 0, 0, effectiveFrom, true);
    }

    /**
     * The retail charge of one call, exact to the micro: the three token counts times their prices are
     * summed and divided by one million once, rounding half up (the catalog's wholesale rule, so a plan
     * that repeats the wholesale prices charges exactly the wholesale cost).
     *
     * @param inputTokens all input tokens, cached ones included
     * @param cachedInputTokens the part of {@code inputTokens} served from the prompt cache
     * @throws ArithmeticException if the charge does not fit a {@code long}
     */
    public long retailMicros(long inputTokens, long cachedInputTokens, long outputTokens) {
        if (withdrawn) {
            throw new IllegalStateException("the plan does not list " + model + " from " + effectiveFrom);
        }
        if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("cached input tokens are part of the input tokens");
        }
        long scaled = Math.addExact(
                Math.addExact(
                        Math.multiplyExact(inputTokens - cachedInputTokens, inputMicrosPerMTok),
                        Math.multiplyExact(cachedInputTokens, cachedInputMicrosPerMTok)),
                Math.multiplyExact(outputTokens, outputMicrosPerMTok));
        return Math.addExact(scaled, PER_MILLION / 2) / PER_MILLION;
    }
}

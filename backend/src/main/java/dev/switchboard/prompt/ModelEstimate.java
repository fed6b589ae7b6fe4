package dev.switchboard.prompt;

import dev.switchboard.platform.Money;

/**
 * What a rendered prompt is expected to cost on one model before it runs: the deployment the router
 * would try first, the prompt's tokens (real tokenizer), the output tokens assumed (the template's max
 * tokens, else the router's assumption) and the retail charge for both, in the reference currency.
 *
 * @param error why the model cannot serve the prompt (unknown model, policy, no capacity); the other
 *     fields are then empty
 */
public record ModelEstimate(
        String model,
        String providerId,
        String servedModel,
        long promptTokens,
        long assumedOutputTokens,
        Money estimatedCost,
        int candidates,
        String error) {

    public boolean ok() {
        return error == null;
    }
}

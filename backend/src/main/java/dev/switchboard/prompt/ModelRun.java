package dev.switchboard.prompt;

import dev.switchboard.platform.Money;

/**
 * One model's answer in a playground run, as charged: who served it, the tokens and retail cost the
 * ledger recorded, and how long it took; or the error that model ran into (the others still answer).
 */
public record ModelRun(
        String model,
        String providerId,
        String servedModel,
        String output,
        long promptTokens,
        long completionTokens,
        Money cost,
        long latencyMillis,
        String requestId,
        String error) {

    public boolean ok() {
        return error == null;
    }
}

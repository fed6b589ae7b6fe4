package dev.switchboard.gateway;

import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.platform.Money;
import java.util.List;

/**
 * What a settled call was: who served it, what it used and what it was charged (the ledger row has
 * the same numbers). The gateway's response headers are made from it.
 *
 * @param budget the tightest budget that applies and what is left on it, {@code null} when none does
 */
public record CallReceipt(
        String requestId,
        String providerId,
        String model,
        Usage usage,
        Money wholesale,
        Money retail,
        List<String> fallbackChain,
        long latencyMillis,
        BudgetLeft budget) {

    public CallReceipt {
        fallbackChain = List.copyOf(fallbackChain);
    }
}

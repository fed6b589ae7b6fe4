package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.Money;
import java.time.Instant;

/**
 * Published once per downward crossing, across all nodes: when what is left on a provider account falls
 * to its low-balance threshold ({@code level = LOW}) and again when it is used up ({@code level =
 * EXHAUSTED}; an account that jumps straight from OK to exhausted announces only that). A top-up that
 * lifts the account back above the threshold re-arms it.
 */
public record ProviderBalanceLow(
        ProviderId providerId, AlertLevel level, Money remaining, Money lowBalanceThreshold, Instant at) {

    public boolean exhausted() {
        return level == AlertLevel.EXHAUSTED;
    }
}

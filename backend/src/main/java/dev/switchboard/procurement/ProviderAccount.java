package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.Money;
import java.time.Instant;

/**
 * A provider account as of the last refresh: what was put in, what the ledger says was spent since it
 * opened, and what is left.
 *
 * @param creditLimit a credit line's limit; zero for a prepaid account
 * @param credited top-ups (payments) plus adjustments
 * @param spent wholesale spend in the usage ledger at this provider, in the account's currency, of calls
 *     started since {@code openedAt}
 * @param balance {@code credited - spent}: positive money held, negative money owed
 * @param remaining {@code creditLimit + balance}: what can still be spent
 * @param alertLevel the shared alert state; {@code alertChangedAt} says since when ({@code null}: never
 *     changed)
 */
public record ProviderAccount(
        ProviderId providerId,
        AccountKind kind,
        Money creditLimit,
        Money credited,
        Money spent,
        Money balance,
        Money remaining,
        Money lowBalanceThreshold,
        AlertLevel alertLevel,
        Instant alertChangedAt,
        boolean avoidWhenExhausted,
        Instant openedAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt) {

    public boolean exhausted() {
        return alertLevel == AlertLevel.EXHAUSTED;
    }
}

package dev.switchboard.procurement;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Procurement settings ({@code switchboard.procurement.*}).
 *
 * @param refreshInterval how often each node re-reads balances from the ledger (and so how stale {@link
 *     ProviderAccounts#exhausted} can be about spend made on other nodes)
 * @param settleLag how long after a ledger id was seen as the highest every lower id is taken as
 *     committed: ledger rows are folded into the accounts' running totals only then. It must exceed the
 *     longest transaction that writes a ledger row (they are single inserts; 30 s is a wide margin)
 */
@Validated
@ConfigurationProperties("switchboard.procurement")
public record ProcurementProperties(
        @NotNull @DefaultValue("1s") Duration refreshInterval,
        @NotNull @DefaultValue("30s") Duration settleLag) {

    public ProcurementProperties {
        if (refreshInterval != null && !refreshInterval.isPositive()) {
            throw new IllegalArgumentException("switchboard.procurement.refresh-interval must be positive");
        }
        if (settleLag != null && settleLag.isNegative()) {
            throw new IllegalArgumentException("switchboard.procurement.settle-lag must not be negative");
        }
    }
}

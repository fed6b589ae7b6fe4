package dev.switchboard.gateway;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.RetailPricing;
import dev.switchboard.ledger.RetailQuote;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.platform.Money;
import dev.switchboard.procurement.ProviderAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a finished call into its ledger row: wholesale at the deployment's price in force when the
 * call started, retail through the org unit's markup or price plan, written (and committed) before the
 * caller sees the end of the response.
 */
@Component
class Settlement {

    private final DeploymentDirectory directory;
    private final RetailPricing pricing;
    private final UsageLedger ledger;
    private final ProviderAccounts accounts;
    private final GatewayProperties properties;
    private final Clock clock;

    Settlement(
            DeploymentDirectory directory,
            RetailPricing pricing,
            UsageLedger ledger,
            ProviderAccounts accounts,
            GatewayProperties properties,
            Clock clock) {
        this.directory = directory;
        this.pricing = pricing;
        this.ledger = ledger;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a call that started at {@code startedAt} is being settled as. */
    record Call(
            String requestId,
            String requestedModel,
            ChargeContext charge,
            Instant startedAt,
            Candidate servedBy,
            Usage usage,
            UsageSource source,
            CallStatus status,
            List<String> fallbackChain,
            Long timeToFirstTokenMillis,
            Admission admission) {}

    CallReceipt settle(Call call) {
        Money wholesale = call.servedBy() == null
                ? Money.zero(Currency.getInstance(properties.defaultCurrency()))
                : directory.wholesaleCost(call.servedBy().deploymentId(), call.startedAt(), call.usage());
        String model = call.servedBy() == null
                ? call.requestedModel()
                : call.servedBy().model();
        RetailQuote quote = pricing.retailFor(
                call.charge().orgUnit(),
                model,
                call.usage().promptTokens(),
                call.usage().cachedPromptTokens(),
                call.usage().completionTokens(),
                wholesale,
                call.startedAt());
        Money retail = quote.retail();
        long latency = Math.max(0, clock.millis() - call.startedAt().toEpochMilli());
        UsageEntry entry = new UsageEntry(
                call.requestId(),
                call.startedAt(),
                call.charge().apiKeyId(),
                call.charge().orgUnit(),
                call.charge().project(),
                call.servedBy() == null ? null : call.servedBy().providerId(),
                model,
                call.usage().promptTokens(),
                call.usage().completionTokens(),
                call.usage().cachedPromptTokens(),
                call.usage().reasoningTokens(),
                call.source(),
                wholesale,
                retail,
                quote.markupBasisPoints(),
                latency,
                call.timeToFirstTokenMillis(),
                call.status(),
                call.fallbackChain(),
                call.charge().workflowRunId(),
                call.charge().stepId(),
                quote.pricePlanId());
        // the row, and in the same transaction the charge to every held budget; then the slot frees
        call.admission().settle(entry, ledger);
        // only once the row is committed: the provider's balance draws down
        if (call.servedBy() != null && wholesale.micros() > 0) {
            accounts.recordSpend(ProviderId.of(call.servedBy().providerId()), wholesale);
        }
        return new CallReceipt(
                call.requestId(),
                call.servedBy() == null ? null : call.servedBy().providerId(),
                call.servedBy() == null ? null : call.servedBy().model(),
                call.usage(),
                wholesale,
                retail,
                call.fallbackChain(),
                latency,
                call.admission().left(retail));
    }
}

package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Retail prices of model calls: what the platform charges an org unit for tokens it bought wholesale.
 * The nearest unit on the path to the company that sets a markup or a price plan wins; a plan prices
 * the models it lists (at the version in force when the call was made) and every other call follows the
 * markup rule (nearest markup, else the default). See {@link PricingRule}.
 *
 * <p>This is on the gateway's hot path: rules are cached per org unit for {@link #CACHE_TTL}. A change
 * of a plan, an assignment or a markup takes effect at once on the node that made it and within that
 * time on the others.
 */
@Service
public class RetailPricing {

    static final Duration CACHE_TTL = Duration.ofSeconds(2);
    static final int CACHE_MAX_ENTRIES = 10_000;

    private final PricePlanRepository plans;
    private final LedgerProperties properties;
    private final Clock clock;
    private final PricingCache cache;

    RetailPricing(PricePlanRepository plans, LedgerProperties properties, Clock clock) {
        this.plans = plans;
        this.properties = properties;
        this.clock = clock;
        this.cache = new PricingCache(CACHE_TTL, CACHE_MAX_ENTRIES, clock);
    }

    /** The retail charge of a call made now; see {@link #retailFor(OrgUnitId, String, long, long, long, Money, Instant)}. */
    public RetailQuote retailFor(
            OrgUnitId orgUnit,
            String model,
            long inputTokens,
            long cachedInputTokens,
            long outputTokens,
            Money wholesale) {
        return retailFor(orgUnit, model, inputTokens, cachedInputTokens, outputTokens, wholesale, clock.instant());
    }

    /**
     * The retail charge of a call charged to {@code orgUnit}, priced as of {@code at} (when the call was
     * made), in the wholesale's currency.
     *
     * @param model the public model name that served the call
     * @param inputTokens all input tokens, cached ones included
     * @param cachedInputTokens the part of {@code inputTokens} served from the prompt cache
     * @param wholesale what the call cost upstream (the markup rule's base; a plan ignores it unless the
     *     plan is in another currency or does not list the model)
     */
    public RetailQuote retailFor(
            OrgUnitId orgUnit,
            String model,
            long inputTokens,
            long cachedInputTokens,
            long outputTokens,
            Money wholesale,
            Instant at) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(wholesale, "wholesale");
        Objects.requireNonNull(at, "at");
        return rule(orgUnit).quote(model, inputTokens, cachedInputTokens, outputTokens, wholesale, at);
    }

    /** How the unit's calls are priced now (the plan that applies, if any, and the markup rule). */
    public UnitPricing pricingFor(OrgUnitId orgUnit) {
        PricingRule rule = rule(orgUnit);
        return new UnitPricing(orgUnit, rule.plan(), rule.markup());
    }

    /** Forgets every cached rule, now and again when the current transaction commits. */
    void invalidate() {
        cache.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a call priced between now and the commit may have cached the old rule again
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidateAll();
                }
            });
        }
    }

    @EventListener
    void on(MarkupChanged event) {
        invalidate();
    }

    private PricingRule rule(OrgUnitId orgUnit) {
        Objects.requireNonNull(orgUnit, "orgUnit");
        return cache.get(
                orgUnit,
                unit -> PricingRule.resolve(
                        plans.pathOf(unit),
                        id -> plans.find(id).orElse(null),
                        new Markup(properties.defaultMarkupBasisPoints())));
    }
}

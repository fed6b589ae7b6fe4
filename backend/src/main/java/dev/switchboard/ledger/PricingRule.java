package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What prices the calls of one org unit, resolved along its path to the company: the nearest unit that
 * sets a markup or a plan wins. If that unit sets a plan, the plan prices the models it lists; every
 * other call (a model the plan does not list, wholesale in another currency, or no plan at all) follows
 * the markup rule: the nearest markup on the path, else the default.
 *
 * @param plan the plan that applies, or {@code null} when a markup is nearer (or no plan is set)
 * @param markup the markup rule's result for this unit
 */
record PricingRule(PricePlan plan, Markup markup) {

    /** One unit of a path, nearest first: what it sets itself. */
    record PathUnit(OrgUnitId id, Integer markupBasisPoints, PricePlanId planId) {
        PathUnit {
            Objects.requireNonNull(id, "id");
        }

        boolean setsPricing() {
            return markupBasisPoints != null || planId != null;
        }
    }

    PricingRule {
        Objects.requireNonNull(markup, "markup");
    }

    /**
     * @param path the unit itself first, then its ancestors up to the company
     * @param plans loads a plan by id ({@code null} if it vanished)
     */
    static PricingRule resolve(List<PathUnit> path, Function<PricePlanId, PricePlan> plans, Markup defaultMarkup) {
        Markup markup = path.stream()
                .filter(u -> u.markupBasisPoints() != null)
                .findFirst()
                .map(u -> new Markup(u.markupBasisPoints()))
                .orElse(defaultMarkup);
        PricePlan plan = path.stream()
                .filter(PathUnit::setsPricing)
                .findFirst()
                .map(PathUnit::planId)
                .map(plans)
                .orElse(null);
        return new PricingRule(plan, markup);
    }

    RetailQuote quote(
            String model, long inputTokens, long cachedInputTokens, long outputTokens, Money wholesale, Instant at) {
        if (plan != null && plan.currency().equals(wholesale.currency())) {
            Optional<PlanPrice> price = plan.priceAt(model, at);
            if (price.isPresent()) {
                long retail = price.get().retailMicros(inputTokens, cachedInputTokens, outputTokens);
                return new RetailQuote(new Money(retail, wholesale.currency()), new PricingBasis.ByPlan(plan.id()));
            }
        }
        return new RetailQuote(
                new Money(markup.retailMicros(wholesale.micros()), wholesale.currency()),
                new PricingBasis.ByMarkup(markup));
    }
}

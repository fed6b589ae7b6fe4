package dev.switchboard.ledger;

import dev.switchboard.platform.Money;
import java.util.Objects;

/** The retail charge of a call and how it was priced, as the ledger row records it. */
public record RetailQuote(Money retail, PricingBasis basis) {

    public RetailQuote {
        Objects.requireNonNull(retail, "retail");
        Objects.requireNonNull(basis, "basis");
    }

    /** The markup in basis points, or {@code null} when a plan priced the call. */
    public Integer markupBasisPoints() {
        return basis instanceof PricingBasis.ByMarkup(Markup markup) ? markup.basisPoints() : null;
    }

    /** The plan that priced the call, or {@code null} when a markup did. */
    public PricePlanId pricePlanId() {
        return basis instanceof PricingBasis.ByPlan(PricePlanId planId) ? planId : null;
    }
}

package dev.switchboard.ledger;

import java.util.Objects;

/** How a call's retail price was set: by a markup on wholesale or by a price plan. */
public sealed interface PricingBasis {

    /** Retail is wholesale plus this markup (the unit's nearest markup, else the default). */
    record ByMarkup(Markup markup) implements PricingBasis {
        public ByMarkup {
            Objects.requireNonNull(markup, "markup");
        }
    }

    /** Retail comes from this plan's price for the model, whatever the wholesale cost. */
    record ByPlan(PricePlanId planId) implements PricingBasis {
        public ByPlan {
            Objects.requireNonNull(planId, "planId");
        }
    }
}

package dev.switchboard.ledger;

import dev.switchboard.platform.SwitchboardException;

/** No price plan has this id. */
public final class PricePlanNotFoundException extends SwitchboardException.NotFound {
    public PricePlanNotFoundException(PricePlanId id) {
        super("price plan " + id + " does not exist");
    }
}

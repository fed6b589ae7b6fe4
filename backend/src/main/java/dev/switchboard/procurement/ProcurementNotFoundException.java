package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.SwitchboardException;

/** No account exists for the provider. */
public final class ProcurementNotFoundException extends SwitchboardException.NotFound {
    public ProcurementNotFoundException(ProviderId providerId) {
        super("provider '" + providerId + "' has no procurement account");
    }
}

package dev.switchboard.gateway.routing;

import dev.switchboard.platform.SwitchboardException;

/** No deployment is known under the requested model name, alias or tier (HTTP 404). */
public final class UnknownModelException extends SwitchboardException.NotFound {
    public UnknownModelException(String model, String hint) {
        super("The model '" + model + "' does not exist or you do not have access to it. " + hint);
    }
}

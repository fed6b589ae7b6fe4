package dev.switchboard.apikey;

import dev.switchboard.platform.SwitchboardException;

/** No API key with the given id exists. */
public final class ApiKeyNotFoundException extends SwitchboardException.NotFound {
    public ApiKeyNotFoundException(ApiKeyId id) {
        super("API key " + id + " does not exist");
    }
}

package dev.switchboard.apikey;

import dev.switchboard.platform.SwitchboardException;

/** A field of a key to create breaks a rule. */
public final class ApiKeyValidationException extends SwitchboardException.InvalidInput {
    public ApiKeyValidationException(String field, String message) {
        super(field, message);
    }
}

package dev.switchboard.catalog;

import dev.switchboard.platform.SwitchboardException;

/** A provider, deployment or price field breaks a rule. */
public final class CatalogValidationException extends SwitchboardException.InvalidInput {
    public CatalogValidationException(String field, String message) {
        super(field, message);
    }
}

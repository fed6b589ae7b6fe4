package dev.switchboard.catalog;

import dev.switchboard.platform.SwitchboardException;

/** No provider, deployment or price matches. */
public final class CatalogNotFoundException extends SwitchboardException.NotFound {
    public CatalogNotFoundException(String message) {
        super(message);
    }
}

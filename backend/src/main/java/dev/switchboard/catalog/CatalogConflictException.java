package dev.switchboard.catalog;

import dev.switchboard.platform.SwitchboardException;

/** The change clashes with what exists: a taken provider id, a second deployment of a model, a price twice. */
public final class CatalogConflictException extends SwitchboardException.Conflict {
    public CatalogConflictException(String message) {
        super(message);
    }
}

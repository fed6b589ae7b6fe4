package dev.switchboard.connectors;

import java.util.Optional;

/**
 * Looks up a credential by name, so workflow JSON names a secret ({@code "secret": "crm-token"}) and
 * never holds its value. The backend backs this with its encrypted secret store, scoped to the run's
 * org unit.
 */
@FunctionalInterface
public interface SecretResolver {

    /** The secret's value, or empty when no secret of that name is visible to the caller. */
    Optional<String> resolve(String name);

    /** A resolver that knows no secrets, for connectors used without credentials. */
    static SecretResolver none() {
        return name -> Optional.empty();
    }
}

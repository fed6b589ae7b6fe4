package dev.switchboard.platform;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code prod} profile with an embedded default that is only safe on a laptop:
 * demo data or the local cluster's well-known database password. (The master key and the embedded
 * Temporal server are checked where they are configured.)
 */
@Component
@Profile("prod")
class ProdGuard {

    ProdGuard(SwitchboardProperties properties) {
        if (properties.demo().enabled()) {
            throw new IllegalStateException(
                    "demo data is not allowed in the prod profile: set SWITCHBOARD_DEMO_ENABLED=false");
        }
        if (SwitchboardProperties.Database.LOCAL_DEFAULT_PASSWORD.equals(
                properties.database().password())) {
            throw new IllegalStateException(
                    "the database password is the local default; set SWITCHBOARD_DATABASE_PASSWORD for the prod profile");
        }
    }
}

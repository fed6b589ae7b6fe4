package dev.switchboard.catalog;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param priceNotice how long after it is saved a new price can take effect at the earliest. Gateway
 *     nodes price calls from a snapshot of the price history they reload every few seconds; a price
 *     that cannot start sooner than this is known to every node before it applies, so every call is
 *     charged exactly what was in force when it started, without a database read per call. It must stay
 *     above the gateway's catalog refresh interval plus the clock skew between nodes; 0 makes every
 *     charge read the database.
 */
@Validated
@ConfigurationProperties("switchboard.catalog")
public record CatalogProperties(@NotNull @DefaultValue("5s") Duration priceNotice) {

    public CatalogProperties {
        if (priceNotice.isNegative()) {
            throw new IllegalArgumentException("switchboard.catalog.price-notice must not be negative");
        }
    }
}

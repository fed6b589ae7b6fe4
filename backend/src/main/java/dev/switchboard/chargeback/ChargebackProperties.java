package dev.switchboard.chargeback;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Chargeback settings ({@code switchboard.chargeback.*}). Both are fixed for the life of an
 * installation once a period has been closed: closed statements keep the boundaries they were cut at.
 *
 * @param zone the time zone whose calendar periods follow (a November statement in Europe/Berlin starts
 *     at 2026-10-31T23:00Z)
 * @param cadence monthly ({@code 2026-11}) or quarterly ({@code 2026-Q4}) periods
 */
@Validated
@ConfigurationProperties("switchboard.chargeback")
record ChargebackProperties(
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @NotNull @DefaultValue("MONTHLY") Cadence cadence) {

    /** How long a billing period is. */
    enum Cadence {
        MONTHLY,
        QUARTERLY
    }
}

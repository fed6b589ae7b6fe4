package dev.switchboard.catalog;

import java.time.Instant;
import java.util.Currency;

/**
 * A price to add to a deployment's history.
 *
 * @param effectiveFrom when it starts to apply; {@code null} for now. Never in the past: calls already
 *     made keep the price they were made at.
 */
public record NewPrice(
        long inputMicrosPerMTok,
        long outputMicrosPerMTok,
        long cachedInputMicrosPerMTok,
        Currency currency,
        Instant effectiveFrom,
        String source) {

    Price at(Instant effective) {
        return new Price(
                inputMicrosPerMTok, outputMicrosPerMTok, cachedInputMicrosPerMTok, currency, effective, source);
    }
}

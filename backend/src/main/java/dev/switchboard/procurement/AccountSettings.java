package dev.switchboard.procurement;

import dev.switchboard.platform.Money;

/**
 * What may change on an account after it was opened (its kind, currency and opening date may not: the
 * history rests on them).
 *
 * @param lowBalanceThreshold alert when what is left falls to this or below; zero alerts only on
 *     exhaustion
 * @param avoidWhenExhausted whether the router should avoid the provider while nothing is left
 */
public record AccountSettings(Money lowBalanceThreshold, boolean avoidWhenExhausted) {

    public AccountSettings {
        if (lowBalanceThreshold == null) {
            throw new ProcurementValidationException("lowBalanceThresholdMicros", "must be given");
        }
        if (lowBalanceThreshold.micros() < 0) {
            throw new ProcurementValidationException("lowBalanceThresholdMicros", "must not be negative");
        }
    }
}

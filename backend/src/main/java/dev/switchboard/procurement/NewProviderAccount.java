package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.Currency;

/**
 * Opens the account of a provider.
 *
 * @param currency every amount on the account is in this currency; spend counts ledger rows in it
 * @param initialAmount a prepaid account's first top-up ({@code null}: starts at zero), or a credit
 *     line's limit (required); recorded as the account's first entry
 * @param reference what the initial entry rests on (required when there is an initial amount)
 * @param openedAt spend counts from calls started at or after this instant; {@code null} = now
 */
public record NewProviderAccount(
        ProviderId providerId,
        AccountKind kind,
        Currency currency,
        Money initialAmount,
        String reference,
        AccountSettings settings,
        Instant openedAt) {

    public NewProviderAccount {
        if (providerId == null) {
            throw new ProcurementValidationException("providerId", "must be given");
        }
        if (kind == null) {
            throw new ProcurementValidationException("kind", "must be PREPAID or CREDIT_LINE");
        }
        if (currency == null) {
            throw new ProcurementValidationException("currency", "must be given");
        }
        if (settings == null) {
            throw new ProcurementValidationException("lowBalanceThresholdMicros", "must be given");
        }
        if (kind == AccountKind.CREDIT_LINE && initialAmount == null) {
            throw new ProcurementValidationException("initialAmountMicros", "a credit line needs its credit limit");
        }
        if (!settings.lowBalanceThreshold().currency().equals(currency)
                || (initialAmount != null && !initialAmount.currency().equals(currency))) {
            throw new ProcurementValidationException("currency", "every amount must be in " + currency);
        }
    }

    /** The first entry, if the account opens with money or a limit. */
    NewAccountEntry initialEntry() {
        if (initialAmount == null) {
            return null;
        }
        EntryKind entryKind = kind == AccountKind.CREDIT_LINE ? EntryKind.CREDIT_LIMIT : EntryKind.TOP_UP;
        return new NewAccountEntry(entryKind, initialAmount, reference, "opening balance");
    }
}

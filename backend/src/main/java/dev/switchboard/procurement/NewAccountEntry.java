package dev.switchboard.procurement;

import dev.switchboard.platform.Money;

/**
 * A top-up, credit limit change or adjustment to record.
 *
 * @param amount in the account's currency: positive for a top-up, the new limit for a credit limit,
 *     signed and not zero for an adjustment
 * @param reference invoice, payment or ticket number (required)
 * @param note optional free text
 */
public record NewAccountEntry(EntryKind kind, Money amount, String reference, String note) {

    public NewAccountEntry {
        if (kind == null) {
            throw new ProcurementValidationException("kind", "must be given");
        }
        if (amount == null) {
            throw new ProcurementValidationException("amountMicros", "must be given");
        }
        switch (kind) {
            case TOP_UP -> require(amount.micros() > 0, "a top-up must be positive");
            case CREDIT_LIMIT -> require(amount.micros() >= 0, "a credit limit must not be negative");
            case ADJUSTMENT -> require(amount.micros() != 0, "an adjustment must not be zero");
        }
        reference = Texts.required("reference", reference, Texts.REFERENCE_MAX);
        note = Texts.optional("note", note, Texts.NOTE_MAX);
    }

    public static NewAccountEntry topUp(Money amount, String reference) {
        return new NewAccountEntry(EntryKind.TOP_UP, amount, reference, null);
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new ProcurementValidationException("amountMicros", message);
        }
    }
}

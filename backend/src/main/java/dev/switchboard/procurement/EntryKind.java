package dev.switchboard.procurement;

/** What an account entry records. */
public enum EntryKind {
    /** Money added: a prepaid top-up, or a payment that frees a credit line again. Positive. */
    TOP_UP,
    /** The new credit limit of a credit line (the latest one applies). Zero or more. */
    CREDIT_LIMIT,
    /** A signed correction (a refund, a provider's credit note, a booking error). Not zero. */
    ADJUSTMENT
}

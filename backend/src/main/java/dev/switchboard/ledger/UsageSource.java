package dev.switchboard.ledger;

/** Where a call's token counts came from. */
public enum UsageSource {
    /** The provider reported usage. */
    PROVIDER,
    /** The provider reported none (e.g. a cut stream): counted with the tokenizer. */
    TOKENIZER
}

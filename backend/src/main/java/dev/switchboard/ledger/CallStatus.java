package dev.switchboard.ledger;

/** How a gateway call ended, as the ledger records it. */
public enum CallStatus {
    /** The upstream answered in full. */
    OK,
    /** Every candidate failed; nothing was generated (charged zero). */
    UPSTREAM_ERROR,
    /** The client went away mid-stream; charged for what the upstream generated. */
    CLIENT_CANCELLED,
    /** The upstream cut the stream after it began; charged for what arrived. */
    STREAM_CUT
}

package dev.switchboard.ledger;

import java.util.List;

/**
 * Ledger rows ready to be written by a caller's statement: {@code withClauses} defines {@code
 * recording} and {@code written} (the request ids it wrote, in a column {@code request_id}), with
 * {@code params} for their placeholders, in order.
 */
public record LedgerRows(String withClauses, List<Object> params) {

    public LedgerRows {
        params = List.copyOf(params);
    }
}

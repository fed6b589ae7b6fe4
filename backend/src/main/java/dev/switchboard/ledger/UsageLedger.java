package dev.switchboard.ledger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of every model call: what it cost wholesale, what it was charged retail,
 * to whom. Recording is idempotent on the request id, so a retried settlement never charges twice.
 */
@Service
public class UsageLedger {

    private final UsageLedgerRepository rows;

    UsageLedger(UsageLedgerRepository rows) {
        this.rows = rows;
    }

    /**
     * Writes the entry and commits it before returning (the gateway calls this before it sends the last
     * byte of a response).
     *
     * @return true if this call wrote the row, false if an entry with this request id already existed
     */
    @Transactional
    public boolean record(UsageEntry entry) {
        return rows.insertOnce(entry);
    }

    @Transactional(readOnly = true)
    public UsageReport query(UsageQuery query) {
        return new UsageReport(rows.find(query), rows.totals(query));
    }
}

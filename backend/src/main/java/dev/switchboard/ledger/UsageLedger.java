package dev.switchboard.ledger;

import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only record of every model call: what it cost wholesale, what it was charged retail,
 * to whom. Recording is idempotent on the request id, so a retried settlement never charges twice.
 */
@Service
public class UsageLedger {

    private final UsageLedgerRepository rows;
    private final GroupCommitWriter writer;

    UsageLedger(UsageLedgerRepository rows, GroupCommitWriter writer) {
        this.rows = rows;
        this.writer = writer;
    }

    /**
     * Writes the entry and commits it before returning (the gateway calls this before it sends the last
     * byte of a response). Inside a transaction the row joins it (and commits with it); otherwise it is
     * written in a group commit with the rows of concurrent calls.
     *
     * @return true if this call wrote the row, false if an entry with this request id already existed
     */
    public boolean record(UsageEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return rows.insertOnce(entry);
        }
        return writer.write(entry);
    }

    /**
     * Usage per calendar day in {@code zone} (and currency) for the query's filters, oldest first: the
     * data behind spend-over-time charts. Days without usage are absent.
     */
    @Transactional(readOnly = true)
    public List<DailySpend> dailySpend(UsageQuery query, ZoneId zone) {
        return rows.daily(query, zone);
    }

    @Transactional(readOnly = true)
    public UsageReport query(UsageQuery query) {
        return new UsageReport(rows.find(query), rows.totals(query));
    }
}

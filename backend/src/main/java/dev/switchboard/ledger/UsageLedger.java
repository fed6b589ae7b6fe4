package dev.switchboard.ledger;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

    /**
     * Writes the entries in the caller's transaction (there must be one): the budget engine charges
     * budgets and writes the ledger rows of a batch of calls in one commit. Idempotent like {@link
     * #record}.
     *
     * @return the request ids this call wrote; the others were already in the ledger (or repeated in
     *     {@code entries}, where the first one wins)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<String> recordAll(List<UsageEntry> entries) {
        return entries.isEmpty() ? Set.of() : rows.insertAllOnce(entries);
    }

    /**
     * A ledger that writes through {@code jdbc} rather than the application's data source: for a
     * second, independent process simulated in tests and benchmarks (two app instances sharing one
     * database). The application itself uses the Spring bean.
     */
    public static UsageLedger writingThrough(JdbcClient jdbc) {
        return new UsageLedger(new UsageLedgerRepository(jdbc));
    }

    @Transactional(readOnly = true)
    public UsageReport query(UsageQuery query) {
        return new UsageReport(rows.find(query), rows.totals(query));
    }
}

package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
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
    private final UsageSummaryRepository summaries;
    private final Clock clock;

    UsageLedger(UsageLedgerRepository rows, UsageSummaryRepository summaries, Clock clock) {
        this.rows = rows;
        this.summaries = summaries;
        this.clock = clock;
    }

    /**
     * Writes the entry and commits it before returning (the gateway calls this before it sends the last
     * byte of a response). It is one statement (the {@link #rowsOf} clauses): inside a transaction the
     * row joins it (and commits with it); otherwise it commits on its own. (Gateway calls settle in
     * batches through the budget engine, which puts {@link #rowsOf} in its own statement.)
     *
     * @return true if this call wrote the row, false if an entry with this request id already existed
     */
    public boolean record(UsageEntry entry) {
        return rows.insertOnce(entry, clock.instant());
    }

    /**
     * The rows of {@code entries} as two WITH clauses to put in front of one statement of the caller's
     * (the budget engine's settlement): {@code recording} holds the recording lock shared until that
     * statement's transaction ends, like {@link #record}; {@code written} inserts each entry unless its
     * request id is already there and returns the request ids it wrote. So a batch's ledger rows and
     * its budget charges commit together, in one round trip.
     */
    public LedgerRows rowsOf(List<UsageEntry> entries) {
        return rows.rowsOf(entries, clock.instant());
    }

    /**
     * A ledger that writes through {@code dataSource} rather than the application's: for a second,
     * independent process simulated in tests and benchmarks (two app instances sharing one database).
     * The application itself uses the Spring bean.
     */
    public static UsageLedger writingThrough(DataSource dataSource, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new UsageLedger(new UsageLedgerRepository(jdbc), new UsageSummaryRepository(jdbc), clock);
    }

    /**
     * Usage per calendar day in {@code zone} (and currency) for the query's filters, oldest first: the
     * data behind spend-over-time charts. Days without usage are absent.
     */
    @Transactional(readOnly = true)
    public List<DailySpend> dailySpend(UsageQuery query, ZoneId zone) {
        return rows.daily(query, zone);
    }

    /**
     * Cuts the ledger: waits for recordings in progress to commit (blocking new ones meanwhile, for
     * about a millisecond) and returns the position that separates every row recorded so far from every
     * row recorded later. Runs in its own short transaction so that recording resumes at once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public LedgerCut cut() {
        long position = rows.cut();
        return new LedgerCut(position, clock.instant());
    }

    /**
     * Sums the usage of {@code root} and every unit below it, one group per slice, project, model,
     * provider, key and currency. A row counts in a slice when it occurred in the slice's time range and
     * its ledger position is in the slice's position range; slices should not overlap.
     */
    @Transactional(readOnly = true)
    public List<UsageGroup> summarize(OrgUnitId root, List<UsageSlice> slices) {
        return summaries.summarize(root, slices);
    }

    @Transactional(readOnly = true)
    public UsageReport query(UsageQuery query) {
        return new UsageReport(rows.find(query), rows.totals(query));
    }
}

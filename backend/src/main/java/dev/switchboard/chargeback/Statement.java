package dev.switchboard.chargeback;

import dev.switchboard.org.OrgUnitId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The chargeback statement of an org unit (its descendants included) for one billing period: what it
 * used, what that cost wholesale and what it is charged retail. An open period's statement is computed
 * live; closing the period stores it, and from then on it never changes.
 *
 * @param id {@code null} while the period is open
 * @param asOf when it was computed (open) or closed
 * @param closedBy who closed it, {@code null} while open
 * @param ledgerPosition the ledger cut the statement was closed at, {@code null} while open
 * @param lines usage of the period first, then late usage of earlier closed periods
 */
public record Statement(
        StatementId id,
        OrgUnitId orgUnitId,
        BillingPeriod period,
        String zone,
        Status status,
        Instant asOf,
        String closedBy,
        Long ledgerPosition,
        List<StatementLine> lines) {

    /** Whether the statement is still live or frozen. */
    public enum Status {
        OPEN,
        CLOSED
    }

    public Statement {
        Objects.requireNonNull(orgUnitId, "orgUnitId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(asOf, "asOf");
        if ((status == Status.CLOSED) != (id != null && closedBy != null && ledgerPosition != null)) {
            throw new IllegalArgumentException("exactly a closed statement has an id, a closer and a ledger cut");
        }
        lines = List.copyOf(lines);
    }

    public boolean closed() {
        return status == Status.CLOSED;
    }

    /** The lines summed per currency. */
    public List<StatementTotal> totals() {
        return StatementTotal.of(lines);
    }
}

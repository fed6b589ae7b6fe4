package dev.switchboard.chargeback;

import dev.switchboard.org.OrgUnitId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code chargeback_statement} and {@code chargeback_statement_line}: inserted once, when a
 * period is closed, never changed (the tables' triggers refuse it).
 */
@Repository
class StatementRepository {

    /** Closes take this advisory lock so that each sees the ones before it. */
    static final long CLOSE_LOCK = 0x5357_4368_6172_6765L; // "SWCharge"

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StatementRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Serialises closes until the current transaction ends. */
    void lockCloses() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CLOSE_LOCK).query().listOfRows();
    }

    /** The ledger cut of every closed period of the unit, by period label. */
    Map<String, Long> closedCuts(OrgUnitId unit) {
        Map<String, Long> cuts = new HashMap<>();
        jdbc.sql("SELECT period, ledger_position FROM chargeback_statement WHERE org_unit_id = ?")
                .param(unit.value())
                .query((rs, n) -> cuts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return cuts;
    }

    Optional<Statement> find(OrgUnitId unit, String period) {
        return jdbc.sql("SELECT * FROM chargeback_statement WHERE org_unit_id = ? AND period = ?")
                .param(unit.value())
                .param(period)
                .query(this::header)
                .optional()
                .map(this::withLines);
    }

    Optional<Statement> find(StatementId id) {
        return jdbc.sql("SELECT * FROM chargeback_statement WHERE id = ?")
                .param(id.value())
                .query(this::header)
                .optional()
                .map(this::withLines);
    }

    void insert(Statement s) {
        jdbc.sql("""
                        INSERT INTO chargeback_statement (id, org_unit_id, period, period_start, period_end, zone,
                                ledger_position, closed_at, closed_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(s.id().value())
                .param(s.orgUnitId().value())
                .param(s.period().label())
                .param(Timestamp.from(s.period().start()))
                .param(Timestamp.from(s.period().end()))
                .param(s.zone())
                .param(s.ledgerPosition())
                .param(Timestamp.from(s.asOf()))
                .param(s.closedBy())
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (StatementLine l : s.lines()) {
            rows.add(new Object[] {
                s.id().value(),
                rows.size() + 1,
                l.lateFromPeriod(),
                l.projectId() == null ? null : l.projectId().value(),
                l.model(),
                l.providerId(),
                l.apiKeyId(),
                l.currency(),
                l.calls(),
                l.inputTokens(),
                l.cachedInputTokens(),
                l.outputTokens(),
                l.wholesaleMicros(),
                l.retailMicros()
            });
        }
        // one batch: a large unit's statement has thousands of lines
        batch.batchUpdate("""
                        INSERT INTO chargeback_statement_line (statement_id, line_no, late_from_period, project_id,
                                model, provider_id, api_key_id, currency, calls, input_tokens, cached_input_tokens,
                                output_tokens, wholesale_micros, retail_micros)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private Statement header(ResultSet rs, int n) throws SQLException {
        return new Statement(
                new StatementId(rs.getObject("id", UUID.class)),
                new OrgUnitId(rs.getObject("org_unit_id", UUID.class)),
                new BillingPeriod(
                        rs.getString("period"),
                        rs.getTimestamp("period_start").toInstant(),
                        rs.getTimestamp("period_end").toInstant()),
                rs.getString("zone"),
                Statement.Status.CLOSED,
                rs.getTimestamp("closed_at").toInstant(),
                rs.getString("closed_by"),
                rs.getLong("ledger_position"),
                List.of());
    }

    private Statement withLines(Statement header) {
        List<StatementLine> lines = jdbc.sql(
                        "SELECT * FROM chargeback_statement_line WHERE statement_id = ? ORDER BY line_no")
                .param(header.id().value())
                .query((rs, n) -> {
                    UUID project = rs.getObject("project_id", UUID.class);
                    return new StatementLine(
                            rs.getString("late_from_period"),
                            project == null ? null : new OrgUnitId(project),
                            rs.getString("model"),
                            rs.getString("provider_id"),
                            rs.getObject("api_key_id", UUID.class),
                            rs.getString("currency").strip(),
                            rs.getLong("calls"),
                            rs.getLong("input_tokens"),
                            rs.getLong("cached_input_tokens"),
                            rs.getLong("output_tokens"),
                            rs.getLong("wholesale_micros"),
                            rs.getLong("retail_micros"));
                })
                .list();
        return new Statement(
                header.id(),
                header.orgUnitId(),
                header.period(),
                header.zone(),
                header.status(),
                header.asOf(),
                header.closedBy(),
                header.ledgerPosition(),
                lines);
    }
}

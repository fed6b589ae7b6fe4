package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code usage_ledger}: inserted once, never changed. */
@Repository
class UsageLedgerRepository {

    private static final String COLUMNS = """
            request_id, occurred_at, api_key_id, org_unit_id, project_id, provider_id, model,
            input_tokens, output_tokens, cached_tokens, reasoning_tokens, usage_source, currency,
            wholesale_micros, retail_micros, markup_bps, latency_ms, ttft_ms, status, fallback_chain,
            workflow_run_id, step_id, price_plan_id""";

    /**
     * The advisory lock between recording and {@link #cut}: every recording transaction holds it
     * shared from before its row gets an id until it commits; a cut takes it exclusively for a moment.
     */
    static final long RECORDING_LOCK = 0x5357_4c65_6467_6572L; // "SWLedger"

    private final JdbcClient jdbc;

    UsageLedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the recording lock shared until the current transaction ends: a {@link #cut} waits for this
     * transaction, and one in progress makes this wait. Call it before {@link #insertOnce}.
     */
    void holdRecordingLock() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)")
                .param(RECORDING_LOCK)
                .query()
                .listOfRows();
    }

    /**
     * The ledger's cut: waits until no row is being recorded, then returns the highest id. Every row at
     * or below it is committed; every row recorded later gets a higher id (ids come from a sequence, and
     * recorders take {@link #holdRecordingLock} before they draw one). The lock is released when the
     * caller's transaction ends: keep that transaction short.
     */
    long cut() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(RECORDING_LOCK)
                .query()
                .listOfRows();
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM usage_ledger")
                .query(Long.class)
                .single();
    }

    /** Inserts the entry unless its request id is already there; true when this call wrote it. */
    boolean insertOnce(UsageEntry e, Instant recordedAt) {
        return jdbc.sql("INSERT INTO usage_ledger (" + COLUMNS + """
                        , recorded_at) VALUES (:requestId, :occurredAt, :apiKeyId, :orgUnitId, :projectId, :providerId,
                          :model, :input, :output, :cached, :reasoning, :source, :currency,
                          :wholesale, :retail, :markup, :latency, :ttft, :status, :chain,
                          :workflowRunId, :stepId, :pricePlanId, :recordedAt)
                        ON CONFLICT (request_id) DO NOTHING""")
                        .param("requestId", e.requestId())
                        .param("occurredAt", Timestamp.from(e.occurredAt()))
                        .param("apiKeyId", e.apiKeyId())
                        .param("orgUnitId", e.orgUnitId().value())
                        .param(
                                "projectId",
                                e.projectId() == null ? null : e.projectId().value())
                        .param("providerId", e.providerId())
                        .param("model", e.model())
                        .param("input", e.inputTokens())
                        .param("output", e.outputTokens())
                        .param("cached", e.cachedTokens())
                        .param("reasoning", e.reasoningTokens())
                        .param("source", e.usageSource().name())
                        .param("currency", e.wholesale().currency().getCurrencyCode())
                        .param("wholesale", e.wholesale().micros())
                        .param("retail", e.retail().micros())
                        .param("markup", e.markupBasisPoints())
                        .param("latency", e.latencyMillis())
                        .param("ttft", e.timeToFirstTokenMillis())
                        .param("status", e.status().name())
                        .param("chain", e.fallbackChain().toArray(String[]::new))
                        .param("workflowRunId", e.workflowRunId())
                        .param("stepId", e.stepId())
                        .param(
                                "pricePlanId",
                                e.pricePlanId() == null ? null : e.pricePlanId().value())
                        .param("recordedAt", Timestamp.from(recordedAt))
                        .update()
                == 1;
    }

    List<UsageEntry> find(UsageQuery q) {
        Filter f = Filter.of(q);
        return jdbc.sql("SELECT " + COLUMNS + " FROM usage_ledger WHERE " + f.where()
                        + " ORDER BY occurred_at DESC, id DESC LIMIT " + q.limit())
                .params(f.params())
                .query(UsageLedgerRepository::map)
                .list();
    }

    List<UsageReport.Totals> totals(UsageQuery q) {
        Filter f = Filter.of(q);
        return jdbc.sql("""
                        SELECT currency, count(*), sum(input_tokens), sum(output_tokens), sum(cached_tokens),
                               sum(wholesale_micros), sum(retail_micros)
                        FROM usage_ledger WHERE\s""" + f.where() + " GROUP BY currency ORDER BY currency")
                .params(f.params())
                .query((rs, n) -> new UsageReport.Totals(
                        rs.getString(1).strip(),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }

    /** The WHERE clause of a query: fixed SQL fragments, values always as bind parameters. */
    private record Filter(String where, List<Object> params) {
        static Filter of(UsageQuery q) {
            List<String> clauses = new ArrayList<>(List.of("true"));
            List<Object> params = new ArrayList<>();
            if (q.orgUnitId() != null) {
                clauses.add("""
                        org_unit_id IN (WITH RECURSIVE sub(id) AS (
                            SELECT id FROM org_unit WHERE id = ?
                            UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id)
                          SELECT id FROM sub)""");
                params.add(q.orgUnitId().value());
            }
            add(clauses, params, "api_key_id = ?", q.apiKeyId());
            add(clauses, params, "model = ?", q.model());
            add(clauses, params, "provider_id = ?", q.providerId());
            add(clauses, params, "occurred_at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
            add(clauses, params, "occurred_at < ?", q.to() == null ? null : Timestamp.from(q.to()));
            return new Filter(String.join(" AND ", clauses), params);
        }

        private static void add(List<String> clauses, List<Object> params, String clause, Object value) {
            if (value != null) {
                clauses.add(clause);
                params.add(value);
            }
        }
    }

    private static UsageEntry map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency").strip();
        UUID project = rs.getObject("project_id", UUID.class);
        long ttft = rs.getLong("ttft_ms");
        Long ttftOrNull = rs.wasNull() ? null : ttft;
        Array chain = rs.getArray("fallback_chain");
        int markup = rs.getInt("markup_bps");
        Integer markupOrNull = rs.wasNull() ? null : markup;
        UUID plan = rs.getObject("price_plan_id", UUID.class);
        return new UsageEntry(
                rs.getString("request_id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("api_key_id", UUID.class),
                new OrgUnitId(rs.getObject("org_unit_id", UUID.class)),
                project == null ? null : new OrgUnitId(project),
                rs.getString("provider_id"),
                rs.getString("model"),
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                rs.getLong("cached_tokens"),
                rs.getLong("reasoning_tokens"),
                UsageSource.valueOf(rs.getString("usage_source")),
                Money.ofMicros(rs.getLong("wholesale_micros"), currency),
                Money.ofMicros(rs.getLong("retail_micros"), currency),
                markupOrNull,
                rs.getLong("latency_ms"),
                ttftOrNull,
                CallStatus.valueOf(rs.getString("status")),
                chain == null ? List.of() : Arrays.asList((String[]) chain.getArray()),
                rs.getString("workflow_run_id"),
                rs.getString("step_id"),
                plan == null ? null : new PricePlanId(plan));
    }
}

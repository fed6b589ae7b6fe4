package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
            workflow_run_id, step_id""";

    private final JdbcClient jdbc;

    UsageLedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the entry unless its request id is already there; true when this call wrote it. */
    boolean insertOnce(UsageEntry e) {
        return jdbc.sql("INSERT INTO usage_ledger (" + COLUMNS + """
                        ) VALUES (:requestId, :occurredAt, :apiKeyId, :orgUnitId, :projectId, :providerId, :model,
                          :input, :output, :cached, :reasoning, :source, :currency,
                          :wholesale, :retail, :markup, :latency, :ttft, :status, :chain,
                          :workflowRunId, :stepId)
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
                        .update()
                == 1;
    }

    /**
     * Inserts the entries whose request ids are not there yet, in one statement per {@value
     * #INSERT_CHUNK} rows; the request ids this call wrote. Within {@code entries} the first entry of
     * a request id wins.
     */
    Set<String> insertAllOnce(List<UsageEntry> entries) {
        Set<String> written = new HashSet<>();
        for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
            List<UsageEntry> chunk = entries.subList(from, Math.min(entries.size(), from + INSERT_CHUNK));
            String rows = String.join(",", java.util.Collections.nCopies(chunk.size(), ROW_PLACEHOLDERS));
            List<Object> params = new ArrayList<>(chunk.size() * 22);
            chunk.forEach(e -> params.addAll(values(e)));
            written.addAll(jdbc.sql("INSERT INTO usage_ledger (" + COLUMNS + ") VALUES " + rows
                            + " ON CONFLICT (request_id) DO NOTHING RETURNING request_id")
                    .params(params)
                    .query(String.class)
                    .list());
        }
        return written;
    }

    private static final int INSERT_CHUNK = 500;
    private static final String ROW_PLACEHOLDERS = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The values of {@link #COLUMNS}, in order. */
    private static List<Object> values(UsageEntry e) {
        return Arrays.asList(
                e.requestId(),
                Timestamp.from(e.occurredAt()),
                e.apiKeyId(),
                e.orgUnitId().value(),
                e.projectId() == null ? null : e.projectId().value(),
                e.providerId(),
                e.model(),
                e.inputTokens(),
                e.outputTokens(),
                e.cachedTokens(),
                e.reasoningTokens(),
                e.usageSource().name(),
                e.wholesale().currency().getCurrencyCode(),
                e.wholesale().micros(),
                e.retail().micros(),
                e.markupBasisPoints(),
                e.latencyMillis(),
                e.timeToFirstTokenMillis(),
                e.status().name(),
                e.fallbackChain().toArray(String[]::new),
                e.workflowRunId(),
                e.stepId());
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
                rs.getInt("markup_bps"),
                rs.getLong("latency_ms"),
                ttftOrNull,
                CallStatus.valueOf(rs.getString("status")),
                chain == null ? List.of() : Arrays.asList((String[]) chain.getArray()),
                rs.getString("workflow_run_id"),
                rs.getString("step_id"));
    }
}

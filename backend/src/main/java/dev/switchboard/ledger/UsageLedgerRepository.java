package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
     * The ledger's cut: waits until no row is being recorded, then returns the highest id. Every row at
     * or below it is committed; every row recorded later gets a higher id (ids come from a sequence, and
     * recorders hold it shared before they draw one, see {@link #rowsOf}). The lock is released when the
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

    /**
     * Inserts the entry unless its request id is already there, in one statement that holds the
     * recording lock like every recording ({@link #rowsOf}); true when this call wrote it.
     */
    boolean insertOnce(UsageEntry entry, Instant recordedAt) {
        LedgerRows row = rowsOf(List.of(entry), recordedAt);
        return jdbc.sql("WITH " + row.withClauses() + " SELECT count(*) FROM written")
                        .params(row.params())
                        .query(Long.class)
                        .single()
                == 1;
    }

    /**
     * The WITH clauses that insert {@code entries} inside a caller's statement (see {@link
     * UsageLedger#rowsOf}). Column arrays are unnested in SQL, so the text is the same whatever the
     * batch size and the server reuses its plan. {@code written} joins {@code recording}: no row can
     * draw its id before the recording lock is held.
     */
    LedgerRows rowsOf(List<UsageEntry> entries, Instant recordedAt) {
        int n = entries.size();
        String[] requestIds = new String[n];
        String[] occurredAt = new String[n];
        String[] apiKeys = new String[n];
        String[] orgUnits = new String[n];
        String[] projects = new String[n];
        String[] providers = new String[n];
        String[] models = new String[n];
        long[] input = new long[n];
        long[] output = new long[n];
        long[] cached = new long[n];
        long[] reasoning = new long[n];
        String[] sources = new String[n];
        String[] currencies = new String[n];
        long[] wholesale = new long[n];
        long[] retail = new long[n];
        Integer[] markups = new Integer[n];
        long[] latencies = new long[n];
        Long[] ttfts = new Long[n];
        String[] statuses = new String[n];
        String[] chains = new String[n];
        String[] runs = new String[n];
        String[] steps = new String[n];
        String[] plans = new String[n];
        for (int i = 0; i < n; i++) {
            UsageEntry e = entries.get(i);
            requestIds[i] = e.requestId();
            occurredAt[i] = e.occurredAt().toString();
            apiKeys[i] = e.apiKeyId() == null ? null : e.apiKeyId().toString();
            orgUnits[i] = e.orgUnitId().value().toString();
            projects[i] = e.projectId() == null ? null : e.projectId().value().toString();
            providers[i] = e.providerId();
            models[i] = e.model();
            input[i] = e.inputTokens();
            output[i] = e.outputTokens();
            cached[i] = e.cachedTokens();
            reasoning[i] = e.reasoningTokens();
            sources[i] = e.usageSource().name();
            currencies[i] = e.wholesale().currency().getCurrencyCode();
            wholesale[i] = e.wholesale().micros();
            retail[i] = e.retail().micros();
            markups[i] = e.markupBasisPoints();
            latencies[i] = e.latencyMillis();
            ttfts[i] = e.timeToFirstTokenMillis();
            statuses[i] = e.status().name();
            chains[i] = arrayLiteral(e.fallbackChain());
            runs[i] = e.workflowRunId();
            steps[i] = e.stepId();
            plans[i] = e.pricePlanId() == null ? null : e.pricePlanId().value().toString();
        }
        return new LedgerRows(
                ROWS_CLAUSES,
                List.of(
                        RECORDING_LOCK,
                        Timestamp.from(recordedAt),
                        requestIds,
                        occurredAt,
                        apiKeys,
                        orgUnits,
                        projects,
                        providers,
                        models,
                        input,
                        output,
                        cached,
                        reasoning,
                        sources,
                        currencies,
                        wholesale,
                        retail,
                        markups,
                        latencies,
                        ttfts,
                        statuses,
                        chains,
                        runs,
                        steps,
                        plans));
    }

    private static final String ROWS_CLAUSES = """
            recording AS (SELECT pg_advisory_xact_lock_shared(?) AS held),
            written AS (
              INSERT INTO usage_ledger (%s, recorded_at)
              SELECT r.request_id, r.occurred_at, r.api_key_id, r.org_unit_id, r.project_id, r.provider_id, r.model,
                r.input_tokens, r.output_tokens, r.cached_tokens, r.reasoning_tokens, r.usage_source, r.currency,
                r.wholesale_micros, r.retail_micros, r.markup_bps, r.latency_ms, r.ttft_ms, r.status,
                r.fallback_chain::text[], r.workflow_run_id, r.step_id, r.price_plan_id, ?::timestamptz
              FROM unnest(?::text[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
                          ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[],
                          ?::bigint[], ?::bigint[], ?::integer[], ?::bigint[], ?::bigint[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::uuid[])
                AS r(request_id, occurred_at, api_key_id, org_unit_id, project_id, provider_id, model,
                     input_tokens, output_tokens, cached_tokens, reasoning_tokens, usage_source, currency,
                     wholesale_micros, retail_micros, markup_bps, latency_ms, ttft_ms, status,
                     fallback_chain, workflow_run_id, step_id, price_plan_id)
              CROSS JOIN recording
              ON CONFLICT (request_id) DO NOTHING
              RETURNING request_id)""".formatted(COLUMNS);

    /** {@code {"a","b"}}: a text[] literal, each element quoted and escaped. */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
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

    /** Usage per day in {@code zone} and currency, oldest day first (the query's limit does not apply). */
    List<DailySpend> daily(UsageQuery q, ZoneId zone) {
        Filter f = Filter.of(q);
        List<Object> params = new ArrayList<>();
        params.add(zone.getId());
        params.addAll(f.params());
        return jdbc.sql("""
                        SELECT (occurred_at AT TIME ZONE ?)::date AS day, currency, count(*),
                               sum(wholesale_micros), sum(retail_micros)
                        FROM usage_ledger WHERE\s""" + f.where() + " GROUP BY 1, 2 ORDER BY 1, 2")
                .params(params)
                .query((rs, n) -> new DailySpend(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2).strip(),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5)))
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

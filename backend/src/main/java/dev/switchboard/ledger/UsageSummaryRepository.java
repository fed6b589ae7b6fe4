package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grouped sums over {@code usage_ledger} for statements. */
@Repository
class UsageSummaryRepository {

    static final int MAX_SLICES = 1_000;

    private final JdbcClient jdbc;

    UsageSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UsageGroup> summarize(OrgUnitId root, List<UsageSlice> slices) {
        if (slices.isEmpty()) {
            return List.of();
        }
        if (slices.size() > MAX_SLICES) {
            throw new IllegalArgumentException("at most " + MAX_SLICES + " slices");
        }
        // the slices as a VALUES list of bind parameters: fixed SQL, values never spliced in
        String values = String.join(
                ", ",
                Collections.nCopies(slices.size(), "(?::text, ?::timestamptz, ?::timestamptz, ?::bigint, ?::bigint)"));
        List<Object> params = new ArrayList<>();
        params.add(root.value());
        for (UsageSlice s : slices) {
            params.add(s.label());
            params.add(Timestamp.from(s.occurredFrom()));
            params.add(Timestamp.from(s.occurredTo()));
            params.add(s.positionAbove());
            params.add(s.positionAtMost());
        }
        return jdbc.sql("""
                        WITH RECURSIVE sub(id) AS (
                            SELECT id FROM org_unit WHERE id = ?
                            UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id),
                        slice(label, occurred_from, occurred_to, above, at_most) AS (VALUES\s""" + values + """
                        )
                        SELECT s.label, l.project_id, l.model, l.provider_id, l.api_key_id, l.currency, count(*),
                               sum(l.input_tokens), sum(l.cached_tokens), sum(l.output_tokens),
                               sum(l.wholesale_micros), sum(l.retail_micros)
                        FROM usage_ledger l
                        JOIN slice s ON l.occurred_at >= s.occurred_from AND l.occurred_at < s.occurred_to
                                    AND l.id > s.above AND l.id <= s.at_most
                        WHERE l.org_unit_id IN (SELECT id FROM sub)
                        GROUP BY s.label, l.project_id, l.model, l.provider_id, l.api_key_id, l.currency
                        ORDER BY s.label, l.currency, l.project_id NULLS FIRST, l.model, l.provider_id NULLS FIRST,
                                 l.api_key_id NULLS FIRST""")
                .params(params)
                .query((rs, n) -> {
                    UUID project = rs.getObject(2, UUID.class);
                    return new UsageGroup(
                            rs.getString(1),
                            project == null ? null : new OrgUnitId(project),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getString(6).strip(),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getLong(10),
                            rs.getLong(11),
                            rs.getLong(12));
                })
                .list();
    }
}

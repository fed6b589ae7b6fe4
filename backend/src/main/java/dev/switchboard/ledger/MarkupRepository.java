package dev.switchboard.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code org_unit_markup}. */
@Repository
class MarkupRepository {

    private final JdbcClient jdbc;

    MarkupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Integer> all() {
        return jdbc
                .sql("SELECT org_unit_id, markup_bps FROM org_unit_markup")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void upsert(UUID orgUnitId, int basisPoints, Instant now) {
        jdbc.sql("""
                        INSERT INTO org_unit_markup (org_unit_id, markup_bps, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (org_unit_id) DO UPDATE SET markup_bps = EXCLUDED.markup_bps,
                          updated_at = EXCLUDED.updated_at""")
                .param(orgUnitId)
                .param(basisPoints)
                .param(Timestamp.from(now))
                .update();
    }

    void delete(UUID orgUnitId) {
        jdbc.sql("DELETE FROM org_unit_markup WHERE org_unit_id = ?")
                .param(orgUnitId)
                .update();
    }
}

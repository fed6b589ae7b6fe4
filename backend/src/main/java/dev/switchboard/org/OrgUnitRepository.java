package dev.switchboard.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code org_unit}. Used only inside {@link OrgService}'s transactions. */
@Repository
class OrgUnitRepository {

    /** Serialises structural changes so two concurrent moves cannot build a cycle together. */
    private static final long TREE_LOCK = 0x5357_4f52_4700L;

    private final JdbcClient jdbc;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockTree() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(TREE_LOCK).query().singleRow();
    }

    List<OrgUnit> findAll() {
        return jdbc.sql("SELECT id, parent_id, kind, name, created_at, archived_at FROM org_unit")
                .query(OrgUnitRepository::map)
                .list();
    }

    void insert(OrgUnit unit) {
        jdbc.sql("""
                        INSERT INTO org_unit (id, parent_id, kind, name, created_at, archived_at)
                        VALUES (:id, :parent, :kind, :name, :created, :archived)
                        """)
                .param("id", unit.id().value())
                .param(
                        "parent",
                        unit.parentId() == null ? null : unit.parentId().value())
                .param("kind", unit.kind().name())
                .param("name", unit.name())
                .param("created", Timestamp.from(unit.createdAt()))
                .param("archived", unit.archivedAt() == null ? null : Timestamp.from(unit.archivedAt()))
                .update();
    }

    void update(OrgUnit unit) {
        jdbc.sql("UPDATE org_unit SET parent_id = :parent, name = :name, archived_at = :archived WHERE id = :id")
                .param("id", unit.id().value())
                .param(
                        "parent",
                        unit.parentId() == null ? null : unit.parentId().value())
                .param("name", unit.name())
                .param("archived", unit.archivedAt() == null ? null : Timestamp.from(unit.archivedAt()))
                .update();
    }

    private static OrgUnit map(ResultSet rs, int row) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        Timestamp archived = rs.getTimestamp("archived_at");
        return new OrgUnit(
                new OrgUnitId(rs.getObject("id", UUID.class)),
                parent == null ? null : new OrgUnitId(parent),
                OrgUnitKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                archived == null ? null : archived.toInstant());
    }

    static Instant truncate(Instant instant) {
        // PostgreSQL keeps microseconds; keep the in-memory value equal to what a re-read returns.
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}

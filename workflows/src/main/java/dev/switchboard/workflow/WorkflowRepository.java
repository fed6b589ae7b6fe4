package dev.switchboard.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code workflow} and {@code workflow_version}. */
@Repository
class WorkflowRepository {

    /** A workflow without its versions; {@code orgUnitId} null when shared. */
    record WorkflowRow(UUID id, String key, UUID orgUnitId, String createdBy, Instant createdAt, Instant archivedAt) {}

    /** A stored version, its JSON as text. */
    record VersionRow(
            UUID workflowId,
            int number,
            String status,
            String definitionJson,
            String name,
            String createdBy,
            Instant createdAt,
            String publishedBy,
            Instant publishedAt) {}

    private final JdbcClient jdbc;

    WorkflowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertWorkflow(WorkflowRow row, String source) {
        jdbc.sql("""
                        INSERT INTO workflow (id, key, org_unit_id, source, created_by, created_at)
                        VALUES (:id, :key, :unit, :source, :by, :at)""")
                .param("id", row.id())
                .param("key", row.key())
                .param("unit", row.orgUnitId())
                .param("source", source)
                .param("by", row.createdBy())
                .param("at", Timestamp.from(row.createdAt()))
                .update();
    }

    Optional<WorkflowRow> find(UUID id) {
        return jdbc.sql(WORKFLOW_SELECT + " WHERE id = :id")
                .param("id", id)
                .query(WorkflowRepository::workflow)
                .optional();
    }

    Optional<WorkflowRow> findByKey(String key) {
        return jdbc.sql(WORKFLOW_SELECT + " WHERE key = :key")
                .param("key", key)
                .query(WorkflowRepository::workflow)
                .optional();
    }

    /**
     * Every workflow not archived, as a list shows it, in one query: the newest version's name, the
     * newest published version, whether a draft is open, and when the newest version was made or
     * published.
     */
    List<WorkflowSummary> summaries() {
        return jdbc.sql("""
                        SELECT w.id, w.key, w.org_unit_id, newest.name,
                               COALESCE(newest.published_at, newest.created_at) AS updated_at,
                               (SELECT max(v.number) FROM workflow_version v
                                 WHERE v.workflow_id = w.id AND v.status = 'PUBLISHED') AS published,
                               EXISTS (SELECT 1 FROM workflow_version v
                                        WHERE v.workflow_id = w.id AND v.status = 'DRAFT') AS draft
                          FROM workflow w
                          JOIN LATERAL (SELECT v.name, v.published_at, v.created_at FROM workflow_version v
                                         WHERE v.workflow_id = w.id ORDER BY v.number DESC LIMIT 1) newest ON true
                         WHERE w.archived_at IS NULL
                         ORDER BY w.key""")
                .query((rs, row) -> new WorkflowSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("key"),
                        rs.getString("name"),
                        rs.getObject("org_unit_id", UUID.class),
                        (Integer) rs.getObject("published"),
                        rs.getBoolean("draft"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    void archive(UUID id, Instant at) {
        jdbc.sql("UPDATE workflow SET archived_at = :at WHERE id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void insertVersion(VersionRow v, String fingerprint) {
        jdbc.sql("""
                        INSERT INTO workflow_version (workflow_id, number, status, definition, fingerprint, name,
                                                      created_by, created_at)
                        VALUES (:workflow, :number, :status, CAST(:definition AS jsonb), :fingerprint, :name, :by, :at)""")
                .param("workflow", v.workflowId())
                .param("number", v.number())
                .param("status", v.status())
                .param("definition", v.definitionJson())
                .param("fingerprint", fingerprint)
                .param("name", v.name())
                .param("by", v.createdBy())
                .param("at", Timestamp.from(v.createdAt()))
                .update();
    }

    void replaceDraft(UUID workflowId, int number, String definitionJson, String fingerprint, String name) {
        jdbc.sql("""
                        UPDATE workflow_version SET definition = CAST(:definition AS jsonb), fingerprint = :fingerprint,
                                                    name = :name
                         WHERE workflow_id = :workflow AND number = :number AND status = 'DRAFT'""")
                .param("workflow", workflowId)
                .param("number", number)
                .param("definition", definitionJson)
                .param("fingerprint", fingerprint)
                .param("name", name)
                .update();
    }

    void publish(UUID workflowId, int number, String by, Instant at) {
        jdbc.sql("""
                        UPDATE workflow_version SET status = 'PUBLISHED', published_by = :by, published_at = :at
                         WHERE workflow_id = :workflow AND number = :number AND status = 'DRAFT'""")
                .param("workflow", workflowId)
                .param("number", number)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void deleteDraft(UUID workflowId, int number) {
        jdbc.sql("DELETE FROM workflow_version WHERE workflow_id = :workflow AND number = :number AND status = 'DRAFT'")
                .param("workflow", workflowId)
                .param("number", number)
                .update();
    }

    List<VersionRow> versions(UUID workflowId) {
        return jdbc.sql(VERSION_SELECT + " WHERE workflow_id = :workflow ORDER BY number")
                .param("workflow", workflowId)
                .query(WorkflowRepository::version)
                .list();
    }

    /** The newest fingerprint of a workflow: a re-import of the same JSON is recognised. */
    Optional<String> newestFingerprint(UUID workflowId) {
        return jdbc.sql(
                        "SELECT fingerprint FROM workflow_version WHERE workflow_id = :workflow ORDER BY number DESC LIMIT 1")
                .param("workflow", workflowId)
                .query(String.class)
                .optional();
    }

    void lockLibrary() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('workflow-library'))")
                .query()
                .singleRow();
    }

    private static final String WORKFLOW_SELECT =
            "SELECT id, key, org_unit_id, created_by, created_at, archived_at FROM workflow";

    private static final String VERSION_SELECT = """
            SELECT workflow_id, number, status, definition::text AS definition, name, created_by, created_at,
                   published_by, published_at
              FROM workflow_version""";

    private static WorkflowRow workflow(ResultSet rs, int row) throws SQLException {
        Timestamp archived = rs.getTimestamp("archived_at");
        return new WorkflowRow(
                rs.getObject("id", UUID.class),
                rs.getString("key"),
                rs.getObject("org_unit_id", UUID.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                archived == null ? null : archived.toInstant());
    }

    private static VersionRow version(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new VersionRow(
                rs.getObject("workflow_id", UUID.class),
                rs.getInt("number"),
                rs.getString("status"),
                rs.getString("definition"),
                rs.getString("name"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("published_by"),
                published == null ? null : published.toInstant());
    }
}

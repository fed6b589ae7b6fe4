package dev.switchboard.prompt;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.prompts.PromptYaml;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code prompt_template} and {@code prompt_version}. */
@Repository
class PromptRepository {

    /** A template without its versions. */
    record TemplateRow(
            PromptId id,
            String key,
            OrgUnitId orgUnitId,
            PromptSource source,
            String createdBy,
            Instant createdAt,
            Instant archivedAt) {}

    private static final String VERSION_COLUMNS =
            "template_id, number, status, yaml, based_on, created_by, created_at, published_by, published_at";

    private final JdbcClient jdbc;

    PromptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises start-up imports of the bundled library across nodes (released at commit). */
    void lockLibrary() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('prompt-library'))")
                .query()
                .singleRow();
    }

    void insertTemplate(TemplateRow row) {
        jdbc.sql("""
                        INSERT INTO prompt_template (id, key, org_unit_id, source, created_by, created_at)
                        VALUES (:id, :key, :unit, :source, :by, :at)""")
                .param("id", row.id().value())
                .param("key", row.key())
                .param("unit", row.orgUnitId() == null ? null : row.orgUnitId().value())
                .param("source", row.source().name())
                .param("by", row.createdBy())
                .param("at", Timestamp.from(row.createdAt()))
                .update();
    }

    boolean keyTaken(String key) {
        return jdbc.sql("SELECT count(*) FROM prompt_template WHERE key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<TemplateRow> findTemplate(PromptId id) {
        return jdbc.sql("SELECT * FROM prompt_template WHERE id = ?")
                .param(id.value())
                .query(PromptRepository::template)
                .optional();
    }

    Optional<TemplateRow> findTemplateByKey(String key) {
        return jdbc.sql("SELECT * FROM prompt_template WHERE key = ?")
                .param(key)
                .query(PromptRepository::template)
                .optional();
    }

    /** Every template with its newest version's name and tags, newest change first. */
    List<PromptSummary> summaries() {
        return jdbc.sql("""
                        SELECT t.id, t.key, t.org_unit_id, t.source, v.name, v.yaml, v.tags, v.number AS latest,
                               (SELECT max(p.number) FROM prompt_version p
                                 WHERE p.template_id = t.id AND p.status = 'PUBLISHED') AS published,
                               (SELECT d.number FROM prompt_version d
                                 WHERE d.template_id = t.id AND d.status = 'DRAFT') AS draft,
                               greatest(v.created_at, coalesce(v.published_at, v.created_at)) AS updated_at
                        FROM prompt_template t
                        JOIN prompt_version v ON v.template_id = t.id
                         AND v.number = (SELECT max(number) FROM prompt_version WHERE template_id = t.id)
                        WHERE t.archived_at IS NULL
                        ORDER BY updated_at DESC, t.key""")
                .query((rs, n) -> new PromptSummary(
                        new PromptId(rs.getObject("id", UUID.class)),
                        rs.getString("key"),
                        unit(rs),
                        PromptSource.valueOf(rs.getString("source")),
                        rs.getString("name"),
                        PromptYaml.parse(rs.getString("yaml")).description(),
                        tags(rs.getArray("tags")),
                        rs.getInt("latest"),
                        (Integer) rs.getObject("published"),
                        (Integer) rs.getObject("draft"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    void archive(PromptId id, Instant at) {
        jdbc.sql("UPDATE prompt_template SET archived_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    void insertVersion(PromptVersion v, String fingerprint) {
        jdbc.sql("""
                        INSERT INTO prompt_version (template_id, number, status, yaml, fingerprint, name, tags, based_on,
                                                    created_by, created_at, published_by, published_at)
                        VALUES (:template, :number, :status, :yaml, :fingerprint, :name, :tags, :basedOn, :by, :at,
                                :publishedBy, :publishedAt)""")
                .param("template", v.templateId().value())
                .param("number", v.number())
                .param("status", v.status().name())
                .param("yaml", v.yaml())
                .param("fingerprint", fingerprint)
                .param("name", v.template().name())
                .param("tags", v.template().tags().toArray(String[]::new))
                .param("basedOn", v.basedOn())
                .param("by", v.createdBy())
                .param("at", Timestamp.from(v.createdAt()))
                .param("publishedBy", v.publishedBy())
                .param("publishedAt", v.publishedAt() == null ? null : Timestamp.from(v.publishedAt()))
                .update();
    }

    /** Replaces a draft's content; the database refuses this for a published version. */
    void updateDraft(PromptVersion v, String fingerprint) {
        jdbc.sql("""
                        UPDATE prompt_version SET yaml = :yaml, fingerprint = :fingerprint, name = :name, tags = :tags
                        WHERE template_id = :template AND number = :number""")
                .param("yaml", v.yaml())
                .param("fingerprint", fingerprint)
                .param("name", v.template().name())
                .param("tags", v.template().tags().toArray(String[]::new))
                .param("template", v.templateId().value())
                .param("number", v.number())
                .update();
    }

    void publish(PromptId id, int number, String by, Instant at) {
        jdbc.sql("""
                        UPDATE prompt_version SET status = 'PUBLISHED', published_by = :by, published_at = :at
                        WHERE template_id = :template AND number = :number AND status = 'DRAFT'""")
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("template", id.value())
                .param("number", number)
                .update();
    }

    void deleteDraft(PromptId id, int number) {
        jdbc.sql("DELETE FROM prompt_version WHERE template_id = :template AND number = :number AND status = 'DRAFT'")
                .param("template", id.value())
                .param("number", number)
                .update();
    }

    List<PromptVersion> versions(PromptId id) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM prompt_version WHERE template_id = ? ORDER BY number")
                .param(id.value())
                .query(PromptRepository::version)
                .list();
    }

    Optional<PromptVersion> version(PromptId id, int number) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM prompt_version WHERE template_id = ? AND number = ?")
                .param(id.value())
                .param(number)
                .query(PromptRepository::version)
                .optional();
    }

    int nextNumber(PromptId id) {
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM prompt_version WHERE template_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    /** The fingerprint of the newest version the given author made (the library's last import). */
    Optional<String> lastFingerprintBy(PromptId id, String author) {
        return jdbc.sql("""
                        SELECT fingerprint FROM prompt_version WHERE template_id = ? AND created_by = ?
                        ORDER BY number DESC LIMIT 1""").param(id.value()).param(author).query(String.class).optional();
    }

    private static TemplateRow template(ResultSet rs, int n) throws SQLException {
        Timestamp archived = rs.getTimestamp("archived_at");
        return new TemplateRow(
                new PromptId(rs.getObject("id", UUID.class)),
                rs.getString("key"),
                unit(rs),
                PromptSource.valueOf(rs.getString("source")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                archived == null ? null : archived.toInstant());
    }

    private static PromptVersion version(ResultSet rs, int n) throws SQLException {
        String yaml = rs.getString("yaml");
        Timestamp published = rs.getTimestamp("published_at");
        return new PromptVersion(
                new PromptId(rs.getObject("template_id", UUID.class)),
                rs.getInt("number"),
                VersionStatus.valueOf(rs.getString("status")),
                PromptYaml.parse(yaml),
                yaml,
                (Integer) rs.getObject("based_on"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("published_by"),
                published == null ? null : published.toInstant());
    }

    private static OrgUnitId unit(ResultSet rs) throws SQLException {
        UUID unit = rs.getObject("org_unit_id", UUID.class);
        return unit == null ? null : new OrgUnitId(unit);
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

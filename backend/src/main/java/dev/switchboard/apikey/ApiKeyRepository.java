package dev.switchboard.apikey;

import dev.switchboard.org.OrgUnitId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code api_key}. The secret itself is never stored, only its SHA-256. */
@Repository
class ApiKeyRepository {

    /** A key with the hash it is looked up by. */
    record Row(ApiKey key, String secretSha256) {}

    private static final String SELECT = """
            SELECT id, org_unit_id, project_id, name, display_prefix, secret_sha256, created_by, created_at,
                   expires_at, revoked_at
            FROM api_key""";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String secretSha256) {
        jdbc.sql("""
                        INSERT INTO api_key (id, org_unit_id, project_id, name, display_prefix, secret_sha256, created_by,
                                             created_at, expires_at, revoked_at)
                        VALUES (:id, :unit, :project, :name, :prefix, :hash, :by, :created, :expires, NULL)""")
                .param("id", key.id().value())
                .param("unit", key.orgUnitId().value())
                .param(
                        "project",
                        key.projectId() == null ? null : key.projectId().value())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("hash", secretSha256)
                .param("by", key.createdBy())
                .param("created", Timestamp.from(key.createdAt()))
                .param("expires", key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()))
                .update();
    }

    Optional<Row> findById(ApiKeyId id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.value())
                .query(ApiKeyRepository::map)
                .optional();
    }

    Optional<Row> findBySecretSha256(String hash) {
        return jdbc.sql(SELECT + " WHERE secret_sha256 = ?")
                .param(hash)
                .query(ApiKeyRepository::map)
                .optional();
    }

    List<ApiKey> findAll() {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id").query(ApiKeyRepository::map).list().stream()
                .map(Row::key)
                .toList();
    }

    /** Keys of the unit, or whose project is the unit. */
    List<ApiKey> findByUnit(OrgUnitId unit) {
        return jdbc
                .sql(SELECT + " WHERE org_unit_id = :unit OR project_id = :unit ORDER BY created_at DESC, id")
                .param("unit", unit.value())
                .query(ApiKeyRepository::map)
                .list()
                .stream()
                .map(Row::key)
                .toList();
    }

    /** Revokes unless already revoked (the first revocation time stays). */
    void revoke(ApiKeyId id, Instant at) {
        jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .param(Timestamp.from(at))
                .param(id.value())
                .update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        UUID project = rs.getObject("project_id", UUID.class);
        Timestamp expires = rs.getTimestamp("expires_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        ApiKey key = new ApiKey(
                new ApiKeyId(rs.getObject("id", UUID.class)),
                new OrgUnitId(rs.getObject("org_unit_id", UUID.class)),
                project == null ? null : new OrgUnitId(project),
                rs.getString("name"),
                rs.getString("display_prefix"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                expires == null ? null : expires.toInstant(),
                revoked == null ? null : revoked.toInstant());
        return new Row(key, rs.getString("secret_sha256"));
    }
}

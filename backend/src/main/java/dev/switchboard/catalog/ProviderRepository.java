package dev.switchboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code provider}. Used only inside the catalog's transactions. */
@Repository
class ProviderRepository {

    /** A provider as stored: the base URL unresolved, the API key sealed. */
    record Row(
            ProviderId id,
            ProviderSettings settings,
            String apiKeySealed,
            boolean enabled,
            boolean simulated,
            Instant createdAt,
            Instant updatedAt) {}

    private static final String SELECT = """
            SELECT id, display_name, protocol, quirks, base_url, api_key_sealed, region, jurisdiction, enabled,
                   simulated, created_at, updated_at
            FROM provider""";

    private final JdbcClient jdbc;

    ProviderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> findAll() {
        return jdbc.sql(SELECT + " ORDER BY id").query(ProviderRepository::map).list();
    }

    Optional<Row> findById(ProviderId id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.value())
                .query(ProviderRepository::map)
                .optional();
    }

    /** Inserts unless the id is taken; {@code false} when it was. */
    boolean insertIfAbsent(Row row) {
        ProviderSettings s = row.settings();
        return jdbc.sql("""
                        INSERT INTO provider (id, display_name, protocol, quirks, base_url, api_key_sealed, region,
                                              jurisdiction, enabled, simulated, created_at, updated_at)
                        VALUES (:id, :name, :protocol, :quirks, :url, :key, :region, :jurisdiction, :enabled,
                                :simulated, :created, :updated)
                        ON CONFLICT (id) DO NOTHING""")
                        .param("id", row.id().value())
                        .param("name", s.displayName())
                        .param("protocol", s.protocol().name())
                        .param("quirks", s.quirks() == null ? null : s.quirks().code())
                        .param("url", s.baseUrl())
                        .param("key", row.apiKeySealed())
                        .param("region", s.region())
                        .param("jurisdiction", s.jurisdiction())
                        .param("enabled", row.enabled())
                        .param("simulated", row.simulated())
                        .param("created", Timestamp.from(row.createdAt()))
                        .param("updated", Timestamp.from(row.updatedAt()))
                        .update()
                == 1;
    }

    void updateSettings(ProviderId id, ProviderSettings s, Instant now) {
        jdbc.sql("""
                        UPDATE provider SET display_name = :name, protocol = :protocol, quirks = :quirks, base_url = :url,
                                            region = :region, jurisdiction = :jurisdiction, updated_at = :updated
                        WHERE id = :id""")
                .param("id", id.value())
                .param("name", s.displayName())
                .param("protocol", s.protocol().name())
                .param("quirks", s.quirks() == null ? null : s.quirks().code())
                .param("url", s.baseUrl())
                .param("region", s.region())
                .param("jurisdiction", s.jurisdiction())
                .param("updated", Timestamp.from(now))
                .update();
    }

    void updateApiKey(ProviderId id, String sealed, Instant now) {
        jdbc.sql("UPDATE provider SET api_key_sealed = ?, updated_at = ? WHERE id = ?")
                .param(sealed)
                .param(Timestamp.from(now))
                .param(id.value())
                .update();
    }

    void updateEnabled(ProviderId id, boolean enabled, Instant now) {
        jdbc.sql("UPDATE provider SET enabled = ?, updated_at = ? WHERE id = ?")
                .param(enabled)
                .param(Timestamp.from(now))
                .param(id.value())
                .update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        String quirks = rs.getString("quirks");
        return new Row(
                new ProviderId(rs.getString("id")),
                new ProviderSettings(
                        rs.getString("display_name"),
                        ProtocolFamily.valueOf(rs.getString("protocol")),
                        quirks == null ? null : QuirksPreset.fromCode(quirks),
                        rs.getString("base_url"),
                        rs.getString("region"),
                        rs.getString("jurisdiction")),
                rs.getString("api_key_sealed"),
                rs.getBoolean("enabled"),
                rs.getBoolean("simulated"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package dev.switchboard.ratelimit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code rate_limit}: at most one per API key and one per org unit. */
@Repository
class RateLimitRepository {

    /** A subject's limits as stored; {@code null} = no limit of that kind. */
    record Row(
            RateLimitSubject subject,
            Long requestsPerMinute,
            Long tokensPerMinute,
            Long maxConcurrent,
            Instant updatedAt,
            String updatedBy) {

        Limits limits() {
            return new Limits(
                    Limits.orNone(requestsPerMinute), Limits.orNone(tokensPerMinute), Limits.orNone(maxConcurrent));
        }
    }

    private static final String SELECT = """
            SELECT api_key_id, org_unit_id, requests_per_minute, tokens_per_minute, max_concurrent, updated_at,
                   updated_by
            FROM rate_limit""";

    private final JdbcClient jdbc;

    RateLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> findAll() {
        return jdbc.sql(SELECT + " ORDER BY api_key_id NULLS LAST, org_unit_id")
                .query(RateLimitRepository::map)
                .list();
    }

    Optional<Row> find(RateLimitSubject subject) {
        return jdbc.sql(SELECT + " WHERE " + column(subject) + " = ?")
                .param(subject.id())
                .query(RateLimitRepository::map)
                .optional();
    }

    void upsert(Row row) {
        String column = column(row.subject());
        jdbc.sql("""
                        INSERT INTO rate_limit (id, %1$s, requests_per_minute, tokens_per_minute, max_concurrent,
                                                updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (%1$s) WHERE %1$s IS NOT NULL DO UPDATE SET
                            requests_per_minute = excluded.requests_per_minute,
                            tokens_per_minute = excluded.tokens_per_minute,
                            max_concurrent = excluded.max_concurrent,
                            updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""".formatted(column))
                .param(UUID.randomUUID())
                .param(row.subject().id())
                .param(row.requestsPerMinute())
                .param(row.tokensPerMinute())
                .param(row.maxConcurrent())
                .param(Timestamp.from(row.updatedAt()))
                .param(row.updatedBy())
                .update();
    }

    boolean delete(RateLimitSubject subject) {
        return jdbc.sql("DELETE FROM rate_limit WHERE " + column(subject) + " = ?")
                        .param(subject.id())
                        .update()
                == 1;
    }

    /** A fixed column name per kind (never user input). */
    private static String column(RateLimitSubject subject) {
        return switch (subject.kind()) {
            case API_KEY -> "api_key_id";
            case ORG_UNIT -> "org_unit_id";
        };
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        UUID key = rs.getObject("api_key_id", UUID.class);
        RateLimitSubject subject = key != null
                ? RateLimitSubject.apiKey(key)
                : RateLimitSubject.orgUnit(rs.getObject("org_unit_id", UUID.class));
        return new Row(
                subject,
                rs.getObject("requests_per_minute", Long.class),
                rs.getObject("tokens_per_minute", Long.class),
                rs.getObject("max_concurrent", Long.class),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}

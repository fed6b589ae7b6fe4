package dev.switchboard.notify;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code notification} and {@code notification_read}. */
@Repository
class NotificationRepository {

    private static final String SELECT = """
            SELECT n.id, n.org_unit_id, n.user_id, n.kind, n.severity, n.title, n.body, n.link, n.created_at,
                   r.read_at
            FROM notification n
            LEFT JOIN notification_read r ON r.notification_id = n.id AND r.reader = :reader""";

    // what a reader sees: their own, and unit notifications of the units they see
    private static final String VISIBLE = """
            (n.user_id = :userId
             OR (n.org_unit_id IS NOT NULL AND (:allUnits OR n.org_unit_id = ANY(CAST(:units AS uuid[])))))""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the dedup key is taken; true when this call wrote it. */
    boolean insert(NotificationId id, NewNotification n, Instant at) {
        return jdbc.sql("""
                                INSERT INTO notification (id, org_unit_id, user_id, kind, severity, title, body, link,
                                                          dedup_key, created_at)
                                VALUES (:id, :unit, :user, :kind, :severity, :title, :body, :link, :dedup, :at)
                                ON CONFLICT (dedup_key) DO NOTHING""")
                        .param("id", id.value())
                        .param(
                                "unit",
                                n.audience() instanceof Audience.Unit u
                                        ? u.orgUnitId().value()
                                        : null)
                        .param(
                                "user",
                                n.audience() instanceof Audience.Person p
                                        ? p.userId().value()
                                        : null)
                        .param("kind", n.kind())
                        .param("severity", n.severity().name())
                        .param("title", n.title())
                        .param("body", n.body())
                        .param("link", n.link())
                        .param("dedup", n.dedupKey())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    List<Notification> visibleTo(Reader reader, boolean unreadOnly, int limit) {
        return jdbc.sql(SELECT + " WHERE " + VISIBLE + (unreadOnly ? " AND r.read_at IS NULL" : "")
                        + " ORDER BY n.created_at DESC, n.id LIMIT :limit")
                .params(visibility(reader))
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
    }

    List<Notification> ofUnit(Reader reader, OrgUnitId unit, int limit) {
        return jdbc.sql(SELECT + " WHERE n.org_unit_id = :unit ORDER BY n.created_at DESC, n.id LIMIT :limit")
                .param("reader", reader.name())
                .param("unit", unit.value())
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
    }

    Optional<Notification> find(Reader reader, NotificationId id) {
        return jdbc.sql(SELECT + " WHERE n.id = :id")
                .param("reader", reader.name())
                .param("id", id.value())
                .query(NotificationRepository::map)
                .optional();
    }

    void markRead(Reader reader, NotificationId id, Instant at) {
        jdbc.sql("INSERT INTO notification_read (notification_id, reader, read_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(id.value(), reader.name(), Timestamp.from(at))
                .update();
    }

    int markAllRead(Reader reader, Instant at) {
        return jdbc.sql("INSERT INTO notification_read (notification_id, reader, read_at)"
                        + " SELECT n.id, :reader, :at FROM notification n WHERE " + VISIBLE
                        + " ON CONFLICT DO NOTHING")
                .params(visibility(reader))
                .param("at", Timestamp.from(at))
                .update();
    }

    private static java.util.Map<String, Object> visibility(Reader reader) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("reader", reader.name());
        params.put("userId", reader.userId() == null ? null : reader.userId().value());
        params.put("allUnits", reader.allUnits());
        params.put("units", reader.units().stream().map(UUID::toString).toArray(String[]::new));
        return params;
    }

    private static Notification map(ResultSet rs, int n) throws SQLException {
        UUID unit = rs.getObject("org_unit_id", UUID.class);
        Audience audience = unit != null
                ? new Audience.Unit(new OrgUnitId(unit))
                : new Audience.Person(new UserId(rs.getObject("user_id", UUID.class)));
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(
                new NotificationId(rs.getObject("id", UUID.class)),
                audience,
                rs.getString("kind"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}

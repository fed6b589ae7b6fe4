package dev.switchboard.org;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code app_user}, {@code user_role} and {@code org_membership}. Used only by {@link UserService}. */
@Repository
class UserRepository {

    private static final String SELECT_USER =
            "SELECT id, username, display_name, email, enabled, created_at, password_hash FROM app_user";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(User user, String passwordHash) {}

    List<User> findAll() {
        List<Row> rows =
                jdbc.sql(SELECT_USER + " ORDER BY username").query(this::row).list();
        return withRolesAndMemberships(rows).stream().map(Row::user).toList();
    }

    Optional<User> findById(UserId id) {
        return jdbc.sql(SELECT_USER + " WHERE id = ?")
                .param(id.value())
                .query(this::row)
                .optional()
                .map(r -> withRolesAndMemberships(List.of(r)).getFirst().user());
    }

    Optional<User> findByUsername(String username) {
        return jdbc.sql(SELECT_USER + " WHERE username = ?")
                .param(username)
                .query(this::row)
                .optional()
                .map(r -> withRolesAndMemberships(List.of(r)).getFirst().user());
    }

    Optional<LocalCredentials> findCredentials(String username) {
        return jdbc.sql(SELECT_USER + " WHERE username = ?")
                .param(username)
                .query(this::row)
                .optional()
                .map(r -> withRolesAndMemberships(List.of(r)).getFirst())
                .filter(r -> r.passwordHash() != null)
                .map(r -> new LocalCredentials(
                        r.user().username(),
                        r.passwordHash(),
                        r.user().roles(),
                        r.user().enabled()));
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long countEnabledWithRole(UserRole role) {
        return jdbc.sql("""
                        SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id
                        WHERE u.enabled AND r.role = ?""").param(role.code()).query(Long.class).single();
    }

    void insert(User user, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO app_user (id, username, display_name, email, password_hash, enabled, created_at)
                        VALUES (:id, :username, :display, :email, :hash, :enabled, :created)""")
                .param("id", user.id().value())
                .param("username", user.username())
                .param("display", user.displayName())
                .param("email", user.email())
                .param("hash", passwordHash)
                .param("enabled", user.enabled())
                .param("created", Timestamp.from(user.createdAt()))
                .update();
        replaceRoles(user.id(), user.roles());
        replaceMemberships(user.id(), user.memberships());
    }

    void updateProfile(User user) {
        jdbc.sql("UPDATE app_user SET display_name = :display, email = :email, enabled = :enabled WHERE id = :id")
                .param("id", user.id().value())
                .param("display", user.displayName())
                .param("email", user.email())
                .param("enabled", user.enabled())
                .update();
    }

    void updatePasswordHash(UserId id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .param(hash)
                .param(id.value())
                .update();
    }

    void replaceRoles(UserId id, Set<UserRole> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(id.value()).update();
        for (UserRole role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)")
                    .param(id.value())
                    .param(role.code())
                    .update();
        }
    }

    void replaceMemberships(UserId id, Set<OrgUnitId> units) {
        jdbc.sql("DELETE FROM org_membership WHERE user_id = ?")
                .param(id.value())
                .update();
        for (OrgUnitId unit : units) {
            jdbc.sql("INSERT INTO org_membership (user_id, org_unit_id) VALUES (?, ?)")
                    .param(id.value())
                    .param(unit.value())
                    .update();
        }
    }

    /** Serialises changes that must keep at least one enabled platform admin. */
    void lockUsers() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(0x5357_5553_4552L)
                .query()
                .singleRow();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        User user = new User(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                Set.of(),
                Set.of(),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
        return new Row(user, rs.getString("password_hash"));
    }

    private List<Row> withRolesAndMemberships(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        // one user (sign-in, detail): read just theirs; a listing: read all in one query each
        String where = rows.size() == 1
                ? " WHERE user_id = '" + rows.getFirst().user().id().value() + "'"
                : "";
        Map<UUID, Set<UserRole>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM user_role" + where)
                .query((rs, n) -> {
                    roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(UserRole.fromCode(rs.getString(2)));
                    return null;
                })
                .list();
        Map<UUID, Set<OrgUnitId>> memberships = new HashMap<>();
        jdbc.sql("SELECT user_id, org_unit_id FROM org_membership" + where)
                .query((rs, n) -> {
                    memberships
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(new OrgUnitId(rs.getObject(2, UUID.class)));
                    return null;
                })
                .list();
        List<Row> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            UUID id = r.user().id().value();
            User u = r.user();
            result.add(new Row(
                    new User(
                            u.id(),
                            u.username(),
                            u.displayName(),
                            u.email(),
                            roles.getOrDefault(id, Set.of()),
                            memberships.getOrDefault(id, Set.of()),
                            u.enabled(),
                            u.createdAt()),
                    r.passwordHash()));
        }
        return result;
    }
}

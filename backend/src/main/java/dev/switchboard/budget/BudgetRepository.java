package dev.switchboard.budget;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code budget} (the definitions; the engine's counters live in {@link CounterStore}). */
@Repository
class BudgetRepository {

    /** A budget and the org unit it belongs to (for a key's budget: the key's unit). */
    record Row(Budget budget, OrgUnitId ownerUnit) {}

    static final String COLUMNS = """
            b.id, b.org_unit_id, b.api_key_id, b.name, b.currency, b.amount_micros, b.period_kind, b.custom_days,
            b.starts_on, b.enforcement, b.thresholds, b.created_at, b.updated_at, b.archived_at""";

    private static final String SELECT = "SELECT " + COLUMNS + """
            , coalesce(b.org_unit_id, k.org_unit_id) AS owner_unit
            FROM budget b LEFT JOIN api_key k ON k.id = b.api_key_id""";

    private final JdbcClient jdbc;

    BudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Budget b) {
        jdbc.sql("""
                        INSERT INTO budget (id, org_unit_id, api_key_id, name, currency, amount_micros, period_kind,
                                            custom_days, starts_on, enforcement, thresholds, created_at, updated_at)
                        VALUES (:id, :unit, :key, :name, :currency, :amount, :kind, :days, :startsOn, :enforcement,
                                :thresholds, :created, :updated)""")
                .param("id", b.id().value())
                .param(
                        "unit",
                        b.scope() instanceof BudgetScope.Unit u ? u.orgUnitId().value() : null)
                .param("key", b.scope() instanceof BudgetScope.Key k ? k.apiKeyId() : null)
                .param("name", b.name())
                .param("currency", b.amount().currency().getCurrencyCode())
                .param("amount", b.amount().micros())
                .param("kind", b.period().kind().name())
                .param("days", b.period() instanceof BudgetPeriod.Custom c ? c.days() : null)
                .param("startsOn", b.period().startsOn())
                .param("enforcement", b.enforcement().name())
                .param(
                        "thresholds",
                        b.thresholds().stream().mapToInt(Integer::intValue).toArray())
                .param("created", Timestamp.from(b.createdAt()))
                .param("updated", Timestamp.from(b.updatedAt()))
                .update();
    }

    /** Writes the fields a {@link BudgetChange} and archiving may change. */
    void update(Budget b) {
        jdbc.sql("""
                        UPDATE budget SET name = :name, amount_micros = :amount, enforcement = :enforcement,
                          thresholds = :thresholds, updated_at = :updated, archived_at = :archived
                        WHERE id = :id""")
                .param("id", b.id().value())
                .param("name", b.name())
                .param("amount", b.amount().micros())
                .param("enforcement", b.enforcement().name())
                .param(
                        "thresholds",
                        b.thresholds().stream().mapToInt(Integer::intValue).toArray())
                .param("updated", Timestamp.from(b.updatedAt()))
                .param("archived", b.archivedAt() == null ? null : Timestamp.from(b.archivedAt()))
                .update();
    }

    /** The row, locked until the transaction ends (updates serialise with the engine's batches). */
    Optional<Row> lock(BudgetId id) {
        return jdbc.sql(SELECT + " WHERE b.id = ? FOR NO KEY UPDATE OF b")
                .param(id.value())
                .query(BudgetRepository::mapRow)
                .optional();
    }

    Optional<Row> findById(BudgetId id) {
        return jdbc.sql(SELECT + " WHERE b.id = ?")
                .param(id.value())
                .query(BudgetRepository::mapRow)
                .optional();
    }

    /** Budgets by scope (either filter may be {@code null}), oldest first. */
    List<Row> find(OrgUnitId orgUnit, UUID apiKeyId, boolean includeArchived) {
        List<String> where = new ArrayList<>(List.of("true"));
        List<Object> params = new ArrayList<>();
        if (orgUnit != null) {
            where.add("b.org_unit_id = ?");
            params.add(orgUnit.value());
        }
        if (apiKeyId != null) {
            where.add("b.api_key_id = ?");
            params.add(apiKeyId);
        }
        if (!includeArchived) {
            where.add("b.archived_at IS NULL");
        }
        return jdbc.sql(SELECT + " WHERE " + String.join(" AND ", where) + " ORDER BY b.created_at, b.id")
                .params(params)
                .query(BudgetRepository::mapRow)
                .list();
    }

    /** The counters of these periods that exist (no lock: for display). */
    Map<CounterStore.PeriodKey, long[]> spentAndReserved(Collection<CounterStore.PeriodKey> keys) {
        Map<CounterStore.PeriodKey, long[]> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT budget_id, period_start, spent_micros, reserved_micros FROM budget_period
                        WHERE (budget_id, period_start) IN (SELECT * FROM unnest(?::uuid[], ?::timestamptz[]))""")
                .params(
                        keys.stream().map(k -> k.budgetId().toString()).toArray(String[]::new),
                        keys.stream().map(k -> k.start().toString()).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    result.put(
                            new CounterStore.PeriodKey(
                                    rs.getObject(1, UUID.class),
                                    rs.getTimestamp(2).toInstant()),
                            new long[] {rs.getLong(3), rs.getLong(4)});
                });
        return result;
    }

    /**
     * Gives the periods not yet over a new limit and enforcement, locking them in the engine's order.
     * A lower limit does not undo holds already granted; it refuses new ones until spend fits again.
     */
    void updateOpenPeriods(BudgetId id, long limitMicros, boolean hard, Instant now) {
        jdbc.sql("""
                        SELECT 1 FROM budget_period WHERE budget_id = ? AND (period_end IS NULL OR period_end > ?)
                        ORDER BY budget_id, period_start FOR NO KEY UPDATE""")
                .params(id.value(), Timestamp.from(now))
                .query(Integer.class)
                .list();
        jdbc.sql("""
                        UPDATE budget_period SET limit_micros = ?, hard = ?
                        WHERE budget_id = ? AND (period_end IS NULL OR period_end > ?)""").params(limitMicros, hard, id.value(), Timestamp.from(now)).update();
    }

    /** The org unit of an API key that exists and is not revoked. */
    Optional<OrgUnitId> unitOfActiveKey(UUID apiKeyId) {
        return jdbc.sql("SELECT org_unit_id FROM api_key WHERE id = ? AND revoked_at IS NULL")
                .param(apiKeyId)
                .query((rs, n) -> new OrgUnitId(rs.getObject(1, UUID.class)))
                .optional();
    }

    private static Row mapRow(ResultSet rs, int n) throws SQLException {
        UUID owner = rs.getObject("owner_unit", UUID.class);
        return new Row(mapBudget(rs, n), owner == null ? null : new OrgUnitId(owner));
    }

    /** Maps the {@link #COLUMNS} of a row. */
    static Budget mapBudget(ResultSet rs, int n) throws SQLException {
        UUID unit = rs.getObject("org_unit_id", UUID.class);
        BudgetScope scope = unit != null
                ? new BudgetScope.Unit(new OrgUnitId(unit))
                : new BudgetScope.Key(rs.getObject("api_key_id", UUID.class));
        int days = rs.getInt("custom_days");
        Integer customDays = rs.wasNull() ? null : days;
        Array thresholds = rs.getArray("thresholds");
        Timestamp archived = rs.getTimestamp("archived_at");
        return new Budget(
                new BudgetId(rs.getObject("id", UUID.class)),
                scope,
                rs.getString("name"),
                Money.ofMicros(
                        rs.getLong("amount_micros"), rs.getString("currency").strip()),
                BudgetPeriod.of(
                        BudgetPeriod.Kind.valueOf(rs.getString("period_kind")),
                        customDays,
                        rs.getObject("starts_on", java.time.LocalDate.class)),
                Enforcement.valueOf(rs.getString("enforcement")),
                Arrays.asList((Integer[]) thresholds.getArray()),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                archived == null ? null : instant(archived));
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }
}

package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code price_plan}, {@code price_plan_price} (inserted, never changed) and {@code
 * org_unit_price_plan}, and the pricing path of an org unit.
 */
@Repository
class PricePlanRepository {

    private static final String PRICE_COLUMNS = """
            plan_id, model, withdrawn, input_micros_per_mtok, cached_input_micros_per_mtok,
            output_micros_per_mtok, effective_from""";

    private final JdbcClient jdbc;

    PricePlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit, then its ancestors up to the company, each with the markup and plan it sets itself. */
    List<PricingRule.PathUnit> pathOf(OrgUnitId unit) {
        return jdbc.sql("""
                        WITH RECURSIVE path(id, parent_id, depth) AS (
                            SELECT id, parent_id, 0 FROM org_unit WHERE id = ?
                            UNION ALL
                            SELECT o.id, o.parent_id, p.depth + 1 FROM org_unit o JOIN path p ON o.id = p.parent_id)
                        SELECT p.id, m.markup_bps, a.plan_id
                        FROM path p
                        LEFT JOIN org_unit_markup m ON m.org_unit_id = p.id
                        LEFT JOIN org_unit_price_plan a ON a.org_unit_id = p.id
                        ORDER BY p.depth""")
                .param(unit.value())
                .query((rs, n) -> {
                    int bps = rs.getInt(2);
                    Integer markup = rs.wasNull() ? null : bps;
                    UUID plan = rs.getObject(3, UUID.class);
                    return new PricingRule.PathUnit(
                            new OrgUnitId(rs.getObject(1, UUID.class)),
                            markup,
                            plan == null ? null : new PricePlanId(plan));
                })
                .list();
    }

    Optional<PricePlan> find(PricePlanId id) {
        List<PlanPrice> prices = pricesOf(id);
        return jdbc.sql("SELECT * FROM price_plan WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> plan(rs, prices))
                .optional();
    }

    /** Locks the plan's row until the transaction ends (archiving and assigning serialise on it). */
    Optional<PricePlan> findForUpdate(PricePlanId id) {
        boolean exists = jdbc.sql("SELECT id FROM price_plan WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query()
                .optionalValue()
                .isPresent();
        return exists ? find(id) : Optional.empty();
    }

    List<PricePlan> findAll(boolean includeArchived) {
        Map<UUID, List<PlanPrice>> prices = new HashMap<>();
        jdbc.sql("SELECT " + PRICE_COLUMNS + " FROM price_plan_price")
                .query((rs, n) -> prices.computeIfAbsent(rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                        .add(price(rs)))
                .list();
        return jdbc.sql("SELECT * FROM price_plan WHERE ? OR archived_at IS NULL ORDER BY lower(name), created_at")
                .param(includeArchived)
                .query((rs, n) -> plan(rs, prices.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    void insert(PricePlan plan) {
        jdbc.sql("""
                        INSERT INTO price_plan (id, name, description, currency, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .param(plan.id().value())
                .param(plan.name())
                .param(plan.description())
                .param(plan.currency().getCurrencyCode())
                .param(Timestamp.from(plan.createdAt()))
                .param(plan.createdBy())
                .update();
    }

    void describe(PricePlanId id, String name, String description) {
        jdbc.sql("UPDATE price_plan SET name = ?, description = ? WHERE id = ?")
                .param(name)
                .param(description)
                .param(id.value())
                .update();
    }

    void archive(PricePlanId id, Instant at) {
        jdbc.sql("UPDATE price_plan SET archived_at = ? WHERE id = ? AND archived_at IS NULL")
                .param(Timestamp.from(at))
                .param(id.value())
                .update();
    }

    /** Appends a price unless the model already has one starting at that instant; false when it has. */
    boolean insertPrice(PricePlanId plan, PlanPrice price, Instant createdAt, String createdBy) {
        return jdbc.sql("""
                        INSERT INTO price_plan_price (id, plan_id, model, withdrawn, input_micros_per_mtok,
                                cached_input_micros_per_mtok, output_micros_per_mtok, effective_from, created_at,
                                created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (plan_id, model, effective_from) DO NOTHING""")
                        .param(UUID.randomUUID())
                        .param(plan.value())
                        .param(price.model())
                        .param(price.withdrawn())
                        .param(price.inputMicrosPerMTok())
                        .param(price.cachedInputMicrosPerMTok())
                        .param(price.outputMicrosPerMTok())
                        .param(Timestamp.from(price.effectiveFrom()))
                        .param(Timestamp.from(createdAt))
                        .param(createdBy)
                        .update()
                == 1;
    }

    void assign(OrgUnitId unit, PricePlanId plan, Instant at) {
        jdbc.sql("""
                        INSERT INTO org_unit_price_plan (org_unit_id, plan_id, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (org_unit_id) DO UPDATE SET plan_id = EXCLUDED.plan_id,
                          updated_at = EXCLUDED.updated_at""")
                .param(unit.value())
                .param(plan.value())
                .param(Timestamp.from(at))
                .update();
    }

    boolean unassign(OrgUnitId unit) {
        return jdbc.sql("DELETE FROM org_unit_price_plan WHERE org_unit_id = ?")
                        .param(unit.value())
                        .update()
                == 1;
    }

    Optional<PricePlanId> planSetOn(OrgUnitId unit) {
        return jdbc.sql("SELECT plan_id FROM org_unit_price_plan WHERE org_unit_id = ?")
                .param(unit.value())
                .query((rs, n) -> new PricePlanId(rs.getObject(1, UUID.class)))
                .optional();
    }

    List<OrgUnitId> unitsUsing(PricePlanId plan) {
        return jdbc.sql("SELECT org_unit_id FROM org_unit_price_plan WHERE plan_id = ? ORDER BY org_unit_id")
                .param(plan.value())
                .query((rs, n) -> new OrgUnitId(rs.getObject(1, UUID.class)))
                .list();
    }

    private List<PlanPrice> pricesOf(PricePlanId id) {
        return jdbc.sql("SELECT " + PRICE_COLUMNS + " FROM price_plan_price WHERE plan_id = ?")
                .param(id.value())
                .query((rs, n) -> price(rs))
                .list();
    }

    private static PricePlan plan(ResultSet rs, List<PlanPrice> prices) throws SQLException {
        Timestamp archived = rs.getTimestamp("archived_at");
        return new PricePlan(
                new PricePlanId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                Currency.getInstance(rs.getString("currency").strip()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                archived == null ? null : archived.toInstant(),
                prices);
    }

    private static PlanPrice price(ResultSet rs) throws SQLException {
        return new PlanPrice(
                rs.getString("model"),
                rs.getLong("input_micros_per_mtok"),
                rs.getLong("cached_input_micros_per_mtok"),
                rs.getLong("output_micros_per_mtok"),
                rs.getTimestamp("effective_from").toInstant(),
                rs.getBoolean("withdrawn"));
    }
}

package dev.switchboard.catalog;

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
 * Rows of {@code deployment_price}: inserted and read, never updated or deleted (the table's trigger
 * refuses both, and this class offers neither).
 */
@Repository
class PriceRepository {

    private static final String COLUMNS = """
            deployment_id, input_micros_per_mtok, output_micros_per_mtok, cached_input_micros_per_mtok, currency,
            effective_from, source""";

    private final JdbcClient jdbc;

    PriceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The price in force at {@code at}: the latest one that started at or before it. */
    Optional<Price> findAt(DeploymentId id, Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deployment_price WHERE deployment_id = ? AND effective_from <= ?"
                        + " ORDER BY effective_from DESC LIMIT 1")
                .param(id.value())
                .param(Timestamp.from(at))
                .query(PriceRepository::map)
                .optional();
    }

    /** Every price of a deployment, oldest first, future ones included. */
    List<Price> history(DeploymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deployment_price WHERE deployment_id = ? ORDER BY effective_from")
                .param(id.value())
                .query(PriceRepository::map)
                .list();
    }

    /** Every price of every deployment, each deployment's oldest first, future ones included. */
    Map<DeploymentId, List<Price>> allHistories() {
        Map<DeploymentId, List<Price>> histories = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM deployment_price ORDER BY deployment_id, effective_from")
                .query((rs, n) -> histories
                        .computeIfAbsent(
                                new DeploymentId(rs.getObject("deployment_id", UUID.class)), d -> new ArrayList<>())
                        .add(map(rs, n)))
                .list();
        return histories;
    }

    /** The price in force at {@code at} of every deployment that has one. */
    Map<DeploymentId, Price> findAllAt(Instant at) {
        Map<DeploymentId, Price> prices = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (deployment_id) " + COLUMNS + " FROM deployment_price WHERE effective_from <= ?"
                        + " ORDER BY deployment_id, effective_from DESC")
                .param(Timestamp.from(at))
                .query((rs, n) -> prices.put(new DeploymentId(rs.getObject("deployment_id", UUID.class)), map(rs, n)))
                .list();
        return prices;
    }

    /** Appends a price unless one already starts at the same instant; {@code false} when one does. */
    boolean insertIfAbsent(DeploymentId id, Price price, Instant createdAt, String createdBy) {
        return jdbc.sql("""
                        INSERT INTO deployment_price (id, deployment_id, input_micros_per_mtok, output_micros_per_mtok,
                                cached_input_micros_per_mtok, currency, effective_from, source, created_at, created_by)
                        VALUES (:id, :deployment, :input, :output, :cached, :currency, :from, :source, :created, :by)
                        ON CONFLICT (deployment_id, effective_from) DO NOTHING""")
                        .param("id", UUID.randomUUID())
                        .param("deployment", id.value())
                        .param("input", price.inputMicrosPerMTok())
                        .param("output", price.outputMicrosPerMTok())
                        .param("cached", price.cachedInputMicrosPerMTok())
                        .param("currency", price.currency().getCurrencyCode())
                        .param("from", Timestamp.from(price.effectiveFrom()))
                        .param("source", price.source())
                        .param("created", Timestamp.from(createdAt))
                        .param("by", createdBy)
                        .update()
                == 1;
    }

    private static Price map(ResultSet rs, int n) throws SQLException {
        return new Price(
                rs.getLong("input_micros_per_mtok"),
                rs.getLong("output_micros_per_mtok"),
                rs.getLong("cached_input_micros_per_mtok"),
                Currency.getInstance(rs.getString("currency")),
                rs.getTimestamp("effective_from").toInstant(),
                rs.getString("source"));
    }
}

package dev.switchboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code model_deployment}. Used only inside the catalog's transactions. */
@Repository
class DeploymentRepository {

    private static final String SELECT = """
            SELECT id, provider_id, model_name, upstream_model_id, tier, supports_tools, supports_vision,
                   supports_json, supports_streaming, supports_embeddings, context_window_tokens,
                   max_output_tokens, weight, enabled, created_at, updated_at
            FROM model_deployment""";
    private static final String ORDER = " ORDER BY model_name, provider_id";

    private final JdbcClient jdbc;

    DeploymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Deployment> findAll() {
        return jdbc.sql(SELECT + ORDER).query(DeploymentRepository::map).list();
    }

    List<Deployment> findByModelName(String modelName) {
        return jdbc.sql(SELECT + " WHERE model_name = ?" + ORDER)
                .param(modelName)
                .query(DeploymentRepository::map)
                .list();
    }

    Optional<Deployment> findById(DeploymentId id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.value())
                .query(DeploymentRepository::map)
                .optional();
    }

    Optional<Deployment> findByProviderAndName(ProviderId provider, String modelName) {
        return jdbc.sql(SELECT + " WHERE provider_id = ? AND model_name = ?")
                .param(provider.value())
                .param(modelName)
                .query(DeploymentRepository::map)
                .optional();
    }

    /** Inserts unless the provider already serves that name; {@code false} when it does. */
    boolean insertIfAbsent(Deployment d) {
        return jdbc.sql("""
                        INSERT INTO model_deployment (id, provider_id, model_name, upstream_model_id, tier, supports_tools,
                                supports_vision, supports_json, supports_streaming, supports_embeddings,
                                context_window_tokens, max_output_tokens, weight, enabled, created_at, updated_at)
                        VALUES (:id, :provider, :name, :upstream, :tier, :tools, :vision, :json, :streaming,
                                :embeddings, :context, :output, :weight, :enabled, :created, :updated)
                        ON CONFLICT (provider_id, model_name) DO NOTHING""")
                        .param("id", d.id().value())
                        .param("provider", d.providerId().value())
                        .param("name", d.modelName())
                        .param("upstream", d.upstreamModelId())
                        .param("tier", d.tier().name())
                        .param("tools", d.supports(Capability.TOOLS))
                        .param("vision", d.supports(Capability.VISION))
                        .param("json", d.supports(Capability.JSON))
                        .param("streaming", d.supports(Capability.STREAMING))
                        .param("embeddings", d.supports(Capability.EMBEDDINGS))
                        .param("context", d.contextWindowTokens())
                        .param("output", d.maxOutputTokens())
                        .param("weight", d.weight())
                        .param("enabled", d.enabled())
                        .param("created", Timestamp.from(d.createdAt()))
                        .param("updated", Timestamp.from(d.updatedAt()))
                        .update()
                == 1;
    }

    void update(DeploymentId id, DeploymentSettings s, Instant now) {
        jdbc.sql("""
                        UPDATE model_deployment SET upstream_model_id = :upstream, tier = :tier, supports_tools = :tools,
                               supports_vision = :vision, supports_json = :json, supports_streaming = :streaming,
                               supports_embeddings = :embeddings, context_window_tokens = :context,
                               max_output_tokens = :output, weight = :weight, enabled = :enabled, updated_at = :updated
                        WHERE id = :id""")
                .param("id", id.value())
                .param("upstream", s.upstreamModelId())
                .param("tier", s.tier().name())
                .param("tools", s.capabilities().contains(Capability.TOOLS))
                .param("vision", s.capabilities().contains(Capability.VISION))
                .param("json", s.capabilities().contains(Capability.JSON))
                .param("streaming", s.capabilities().contains(Capability.STREAMING))
                .param("embeddings", s.capabilities().contains(Capability.EMBEDDINGS))
                .param("context", s.contextWindowTokens())
                .param("output", s.maxOutputTokens())
                .param("weight", s.weight())
                .param("enabled", s.enabled())
                .param("updated", Timestamp.from(now))
                .update();
    }

    private static Deployment map(ResultSet rs, int n) throws SQLException {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        addIf(capabilities, rs.getBoolean("supports_tools"), Capability.TOOLS);
        addIf(capabilities, rs.getBoolean("supports_vision"), Capability.VISION);
        addIf(capabilities, rs.getBoolean("supports_json"), Capability.JSON);
        addIf(capabilities, rs.getBoolean("supports_streaming"), Capability.STREAMING);
        addIf(capabilities, rs.getBoolean("supports_embeddings"), Capability.EMBEDDINGS);
        return new Deployment(
                new DeploymentId(rs.getObject("id", UUID.class)),
                new ProviderId(rs.getString("provider_id")),
                rs.getString("model_name"),
                rs.getString("upstream_model_id"),
                Tier.valueOf(rs.getString("tier")),
                capabilities,
                rs.getInt("context_window_tokens"),
                rs.getInt("max_output_tokens"),
                rs.getInt("weight"),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static void addIf(Set<Capability> set, boolean present, Capability capability) {
        if (present) {
            set.add(capability);
        }
    }
}

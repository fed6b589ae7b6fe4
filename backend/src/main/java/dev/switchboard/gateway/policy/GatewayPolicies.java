package dev.switchboard.gateway.policy;

import dev.switchboard.gateway.routing.AllowList;
import dev.switchboard.gateway.routing.OrgPolicy;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.CachedSnapshot;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing policies per org unit (allowed providers, regions, jurisdictions). The effective policy of
 * a unit is the intersection of its own and all its ancestors': a team narrows its department.
 *
 * <p>{@link #effectiveFor} runs for every gateway call: it reads the policies from a snapshot kept for
 * {@value #CACHE_TTL_SECONDS} seconds (and the unit's ancestors from {@link OrgService#pathToRoot}). A
 * policy set or cleared on this node applies to the next call here; one set on another node applies
 * here within {@value #CACHE_TTL_SECONDS} seconds.
 */
@Service
public class GatewayPolicies {

    static final long CACHE_TTL_SECONDS = 5;

    private final JdbcClient jdbc;
    private final OrgService org;
    private final Clock clock;
    private final CachedSnapshot<Map<UUID, OrgPolicy>> cached;

    GatewayPolicies(JdbcClient jdbc, OrgService org, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.cached = new CachedSnapshot<>(Duration.ofSeconds(CACHE_TTL_SECONDS), clock, () -> Map.copyOf(all()));
    }

    /** What applies to calls charged to the unit (see the class comment on caching). */
    public OrgPolicy effectiveFor(OrgUnitId unit) {
        Map<UUID, OrgPolicy> own = cached.get();
        OrgPolicy effective = OrgPolicy.UNRESTRICTED;
        for (OrgUnit u : org.pathToRoot(unit)) {
            OrgPolicy p = own.get(u.id().value());
            if (p != null) {
                effective = effective.narrowedBy(p);
            }
        }
        return effective;
    }

    @Transactional(readOnly = true)
    public Optional<OrgPolicy> setOn(OrgUnitId unit) {
        org.get(unit);
        return Optional.ofNullable(all().get(unit.value()));
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public OrgPolicy set(OrgUnitId unit, OrgPolicy policy) {
        org.get(unit);
        cached.invalidateOnCompletion();
        jdbc.sql("""
                        INSERT INTO gateway_policy (org_unit_id, allowed_providers, allowed_regions,
                          allowed_jurisdictions, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (org_unit_id) DO UPDATE SET allowed_providers = EXCLUDED.allowed_providers,
                          allowed_regions = EXCLUDED.allowed_regions,
                          allowed_jurisdictions = EXCLUDED.allowed_jurisdictions, updated_at = EXCLUDED.updated_at""")
                .param(unit.value())
                .param(array(policy.providers()))
                .param(array(policy.regions()))
                .param(array(policy.jurisdictions()))
                .param(Timestamp.from(clock.instant()))
                .update();
        return policy;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void clear(OrgUnitId unit) {
        org.get(unit);
        cached.invalidateOnCompletion();
        jdbc.sql("DELETE FROM gateway_policy WHERE org_unit_id = ?")
                .param(unit.value())
                .update();
    }

    private Map<UUID, OrgPolicy> all() {
        Map<UUID, OrgPolicy> policies = new HashMap<>();
        jdbc.sql("SELECT org_unit_id, allowed_providers, allowed_regions, allowed_jurisdictions FROM gateway_policy")
                .query((rs, n) -> policies.put(
                        rs.getObject(1, UUID.class),
                        new OrgPolicy(allowList(rs.getArray(2)), allowList(rs.getArray(3)), allowList(rs.getArray(4)))))
                .list();
        return policies;
    }

    private static String[] array(AllowList list) {
        return list.any() ? null : list.values().stream().sorted().toArray(String[]::new);
    }

    private static AllowList allowList(Array array) throws SQLException {
        return array == null ? AllowList.ANY : AllowList.only(Set.copyOf(Arrays.asList((String[]) array.getArray())));
    }
}

package dev.switchboard.gateway.policy;

import dev.switchboard.gateway.routing.AllowList;
import dev.switchboard.gateway.routing.OrgPolicy;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of routing policies: {@code null} lists mean "any", an empty list allows nothing. */
@RestController
@RequestMapping("/api/v1/policies")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Routing policies", description = "Which providers, regions and jurisdictions an org unit may use")
class GatewayPolicyController {

    private final GatewayPolicies policies;

    GatewayPolicyController(GatewayPolicies policies) {
        this.policies = policies;
    }

    record PolicyBody(Set<String> allowedProviders, Set<String> allowedRegions, Set<String> allowedJurisdictions) {
        static PolicyBody of(OrgPolicy p) {
            return new PolicyBody(values(p.providers()), values(p.regions()), values(p.jurisdictions()));
        }

        OrgPolicy toPolicy() {
            return new OrgPolicy(list(allowedProviders), list(allowedRegions), list(allowedJurisdictions));
        }

        private static Set<String> values(AllowList list) {
            return list.any() ? null : list.values();
        }

        private static AllowList list(Set<String> values) {
            return values == null ? AllowList.ANY : AllowList.only(values);
        }
    }

    record PolicyResponse(UUID orgUnitId, PolicyBody own, PolicyBody effective) {}

    @GetMapping("/{orgUnitId}")
    @Operation(summary = "The unit's own policy (null if none) and the effective one along its path")
    PolicyResponse get(@PathVariable UUID orgUnitId) {
        OrgUnitId unit = new OrgUnitId(orgUnitId);
        return new PolicyResponse(
                orgUnitId,
                policies.setOn(unit).map(PolicyBody::of).orElse(null),
                PolicyBody.of(policies.effectiveFor(unit)));
    }

    @PutMapping("/{orgUnitId}")
    PolicyResponse set(@PathVariable UUID orgUnitId, @RequestBody PolicyBody body) {
        policies.set(new OrgUnitId(orgUnitId), body.toPolicy());
        return get(orgUnitId);
    }

    @DeleteMapping("/{orgUnitId}")
    ResponseEntity<Void> clear(@PathVariable UUID orgUnitId) {
        policies.clear(new OrgUnitId(orgUnitId));
        return ResponseEntity.noContent().build();
    }
}

package dev.switchboard.gateway.web;

import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.User;
import dev.switchboard.org.UserService;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.Money;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/route/explain}: which deployments a chat request would be sent to, in which
 * order and at what expected cost, and why every other deployment of the model was left out, without
 * calling any provider or charging anything.
 */
@RestController
@RequestMapping("/api/v1/route")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Routing", description = "Explain the router's choice for a request")
class RouteExplainController {

    private final GatewayService gateway;
    private final OrgService org;
    private final UserService users;

    RouteExplainController(GatewayService gateway, OrgService org, UserService users) {
        this.gateway = gateway;
        this.org = org;
        this.users = users;
    }

    record Ranked(
            int rank,
            String provider,
            String deploymentId,
            String model,
            long expectedCostMicros,
            long worstCaseMicros,
            Long observedP95Millis) {}

    record Excluded(String provider, String deploymentId, String reason, String detail) {}

    record Explanation(String model, UUID orgUnitId, List<Ranked> candidates, List<Excluded> excluded) {}

    @PostMapping("/explain")
    @Operation(
            summary = "The candidates a chat request (OpenAI shape) would have, ranked; costs in USD micros:"
                    + " expected, and the worst case a budget would hold (and a cost cap is compared with)")
    ResponseEntity<?> explain(
            @RequestBody JsonNode body,
            @RequestParam(required = false) UUID orgUnitId,
            @RequestHeader(name = OpenAiController.LATENCY_CEILING, required = false) Long latencyCeiling,
            Authentication caller) {
        OrgUnitId unit = orgUnitId != null ? new OrgUnitId(orgUnitId) : defaultUnit(caller);
        org.get(unit);
        try {
            ChargeContext charge = ChargeContext.of(unit);
            RoutePlan plan = gateway.explain(charge, body, latencyCeiling);
            List<RoutePlan.Ranked> ranked = plan.ranked();
            List<Money> worstCases = gateway.worstCases(charge, body, plan);
            return ResponseEntity.ok(new Explanation(
                    plan.model(),
                    unit.value(),
                    java.util.stream.IntStream.range(0, ranked.size())
                            .mapToObj(i -> new Ranked(
                                    i + 1,
                                    ranked.get(i).candidate().providerId(),
                                    ranked.get(i).candidate().deploymentId(),
                                    ranked.get(i).candidate().model(),
                                    ranked.get(i).expectedCostMicros(),
                                    worstCases.get(i).micros(),
                                    ranked.get(i).observedP95Millis()))
                            .toList(),
                    plan.excluded().stream()
                            .map(e -> new Excluded(
                                    e.providerId(),
                                    e.deploymentId(),
                                    e.reason().name().toLowerCase(Locale.ROOT),
                                    e.detail()))
                            .toList()));
        } catch (GatewayException e) {
            return ResponseEntity.status(e.status()).body(GatewayResponses.openAiError(e));
        }
    }

    /** The caller's first org unit; the company for the master key or a user without memberships. */
    private OrgUnitId defaultUnit(Authentication caller) {
        return users.findByUsername(caller.getName())
                .map(User::memberships)
                .flatMap(m -> m.stream().findFirst())
                .orElseGet(() -> org.company().id());
    }
}

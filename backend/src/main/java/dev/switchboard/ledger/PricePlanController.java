package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of price plans and of which org unit uses which. Everyone signed in reads; platform admins
 * and finance change (enforced by {@link PricePlans}).
 */
@RestController
@RequestMapping("/api/v1/price-plans")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Price plans", description = "Retail prices per model for org units, instead of a markup")
class PricePlanController {

    private final PricePlans plans;
    private final RetailPricing pricing;
    private final Clock clock;

    PricePlanController(PricePlans plans, RetailPricing pricing, Clock clock) {
        this.plans = plans;
        this.pricing = pricing;
        this.clock = clock;
    }

    record PriceResponse(
            String model,
            long inputMicrosPerMTok,
            long cachedInputMicrosPerMTok,
            long outputMicrosPerMTok,
            Instant effectiveFrom,
            boolean withdrawn) {
        static PriceResponse of(PlanPrice p) {
            return new PriceResponse(
                    p.model(),
                    p.inputMicrosPerMTok(),
                    p.cachedInputMicrosPerMTok(),
                    p.outputMicrosPerMTok(),
                    p.effectiveFrom(),
                    p.withdrawn());
        }
    }

    record PlanResponse(
            UUID id,
            String name,
            String description,
            String currency,
            Instant createdAt,
            String createdBy,
            Instant archivedAt,
            List<PriceResponse> currentPrices,
            List<PriceResponse> history,
            List<UUID> assignedTo) {}

    record CreateRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            @NotBlank @Size(min = 3, max = 3) String currency) {}

    record DescribeRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description) {}

    record PriceRequest(
            @NotBlank @Size(max = 128) String model,
            @NotNull Long inputMicrosPerMTok,
            @NotNull Long cachedInputMicrosPerMTok,
            @NotNull Long outputMicrosPerMTok,
            Instant effectiveFrom) {}

    record WithdrawalRequest(@NotBlank @Size(max = 128) String model, Instant effectiveFrom) {}

    record AssignRequest(@NotNull UUID planId) {}

    record AssignmentResponse(UUID orgUnitId, UUID setPlanId, UUID effectivePlanId, int markupBasisPoints) {}

    @GetMapping
    List<PlanResponse> list(@RequestParam(defaultValue = "false") boolean includeArchived) {
        return plans.list(includeArchived).stream().map(this::response).toList();
    }

    @PostMapping
    @Operation(summary = "Create an empty plan in one currency; add prices per model next")
    ResponseEntity<PlanResponse> create(@Valid @RequestBody CreateRequest request) {
        PricePlan plan = plans.create(new NewPricePlan(request.name(), request.description(), request.currency()));
        return ResponseEntity.created(URI.create("/api/v1/price-plans/" + plan.id()))
                .body(response(plan));
    }

    @GetMapping("/{id}")
    PlanResponse get(@PathVariable UUID id) {
        return response(plans.get(new PricePlanId(id)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename the plan or change its description (prices change only by appending)")
    PlanResponse describe(@PathVariable UUID id, @Valid @RequestBody DescribeRequest request) {
        return response(plans.describe(new PricePlanId(id), request.name(), request.description()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Archive the plan (ledger rows keep naming it); refused while units use it")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        plans.archive(new PricePlanId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/prices")
    @Operation(summary = "Append a model's price (micros per million tokens), from effectiveFrom (now or later)")
    ResponseEntity<PriceResponse> addPrice(@PathVariable UUID id, @Valid @RequestBody PriceRequest request) {
        PlanPrice price = plans.addPrice(
                new PricePlanId(id),
                new NewPlanPrice(
                        request.model(),
                        request.inputMicrosPerMTok(),
                        request.cachedInputMicrosPerMTok(),
                        request.outputMicrosPerMTok(),
                        request.effectiveFrom()));
        return ResponseEntity.created(URI.create("/api/v1/price-plans/" + id)).body(PriceResponse.of(price));
    }

    @PostMapping("/{id}/withdrawals")
    @Operation(summary = "Stop listing a model from effectiveFrom on (its calls then follow the markup rule)")
    ResponseEntity<PriceResponse> withdraw(@PathVariable UUID id, @Valid @RequestBody WithdrawalRequest request) {
        PlanPrice withdrawal = plans.withdrawPrice(new PricePlanId(id), request.model(), request.effectiveFrom());
        return ResponseEntity.created(URI.create("/api/v1/price-plans/" + id)).body(PriceResponse.of(withdrawal));
    }

    @GetMapping("/assignments/{orgUnitId}")
    @Operation(summary = "The plan set on the unit, and how its calls are priced (inherited plan, markup rule)")
    AssignmentResponse assignment(@PathVariable UUID orgUnitId) {
        OrgUnitId unit = new OrgUnitId(orgUnitId);
        UUID set = plans.planSetOn(unit).map(PricePlanId::value).orElse(null);
        UnitPricing effective = pricing.pricingFor(unit);
        return new AssignmentResponse(
                orgUnitId,
                set,
                effective.plan() == null ? null : effective.plan().id().value(),
                effective.markup().basisPoints());
    }

    @PutMapping("/assignments/{orgUnitId}")
    @Operation(summary = "Set a plan on the unit; units below inherit it unless a nearer unit sets a markup or plan")
    AssignmentResponse assign(@PathVariable UUID orgUnitId, @Valid @RequestBody AssignRequest request) {
        plans.assign(new OrgUnitId(orgUnitId), new PricePlanId(request.planId()));
        return assignment(orgUnitId);
    }

    @DeleteMapping("/assignments/{orgUnitId}")
    ResponseEntity<Void> unassign(@PathVariable UUID orgUnitId) {
        plans.unassign(new OrgUnitId(orgUnitId));
        return ResponseEntity.noContent().build();
    }

    private PlanResponse response(PricePlan plan) {
        Instant now = clock.instant();
        return new PlanResponse(
                plan.id().value(),
                plan.name(),
                plan.description(),
                plan.currency().getCurrencyCode(),
                plan.createdAt(),
                plan.createdBy(),
                plan.archivedAt(),
                plan.pricesAt(now).stream().map(PriceResponse::of).toList(),
                plan.prices().stream().map(PriceResponse::of).toList(),
                plans.unitsUsing(plan.id()).stream().map(OrgUnitId::value).toList());
    }
}

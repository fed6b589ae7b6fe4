package dev.switchboard.ledger;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the usage ledger and of markups. Platform admins and finance see all usage; everyone
 * else sees the usage of org units they belong to (and of the units below them).
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Usage", description = "The usage ledger: one immutable row per model call, wholesale and retail")
class UsageController {

    private static final Set<String> SEE_ALL =
            Set.of(UserRole.PLATFORM_ADMIN.authority(), UserRole.FINANCE.authority());

    private final UsageLedger ledger;
    private final Markups markups;
    private final OrgService org;
    private final UserService users;

    UsageController(UsageLedger ledger, Markups markups, OrgService org, UserService users) {
        this.ledger = ledger;
        this.markups = markups;
        this.org = org;
        this.users = users;
    }

    record EntryResponse(
            String requestId,
            Instant occurredAt,
            UUID apiKeyId,
            UUID orgUnitId,
            UUID projectId,
            String providerId,
            String model,
            long inputTokens,
            long outputTokens,
            long cachedTokens,
            long reasoningTokens,
            String usageSource,
            String currency,
            long wholesaleMicros,
            long retailMicros,
            Integer markupBasisPoints,
            UUID pricePlanId,
            long latencyMillis,
            Long timeToFirstTokenMillis,
            String status,
            List<String> fallbackChain) {
        static EntryResponse of(UsageEntry e) {
            return new EntryResponse(
                    e.requestId(),
                    e.occurredAt(),
                    e.apiKeyId(),
                    e.orgUnitId().value(),
                    e.projectId() == null ? null : e.projectId().value(),
                    e.providerId(),
                    e.model(),
                    e.inputTokens(),
                    e.outputTokens(),
                    e.cachedTokens(),
                    e.reasoningTokens(),
                    e.usageSource().name().toLowerCase(java.util.Locale.ROOT),
                    e.wholesale().currency().getCurrencyCode(),
                    e.wholesale().micros(),
                    e.retail().micros(),
                    e.markupBasisPoints(),
                    e.pricePlanId() == null ? null : e.pricePlanId().value(),
                    e.latencyMillis(),
                    e.timeToFirstTokenMillis(),
                    e.status().name().toLowerCase(java.util.Locale.ROOT),
                    e.fallbackChain());
        }
    }

    record UsageResponse(List<EntryResponse> entries, List<UsageReport.Totals> totals) {}

    record MarkupResponse(UUID orgUnitId, Integer setBasisPoints, int effectiveBasisPoints) {}

    record MarkupRequest(@NotNull Integer markupBasisPoints) {}

    @GetMapping("/usage")
    @Operation(summary = "Ledger rows (newest first) and totals; an org unit filter includes its descendants")
    UsageResponse usage(
            @RequestParam(required = false) UUID orgUnitId,
            @RequestParam(required = false) UUID keyId,
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        OrgUnitId unit = orgUnitId == null ? null : new OrgUnitId(orgUnitId);
        requireMayRead(caller, unit);
        UsageReport report = ledger.query(new UsageQuery(unit, keyId, model, provider, from, to, limit));
        return new UsageResponse(
                report.entries().stream().map(EntryResponse::of).toList(), report.totals());
    }

    @GetMapping("/markups/{orgUnitId}")
    MarkupResponse markup(@PathVariable UUID orgUnitId) {
        OrgUnitId unit = new OrgUnitId(orgUnitId);
        org.get(unit);
        return new MarkupResponse(
                orgUnitId,
                markups.markupSetOn(unit).map(Markup::basisPoints).orElse(null),
                markups.markupFor(unit).basisPoints());
    }

    @PutMapping("/markups/{orgUnitId}")
    @Operation(summary = "Set the unit's retail markup in basis points (2000 = 20 %); units below inherit it")
    MarkupResponse setMarkup(@PathVariable UUID orgUnitId, @Valid @RequestBody MarkupRequest request) {
        markups.set(new OrgUnitId(orgUnitId), new Markup(request.markupBasisPoints()));
        return markup(orgUnitId);
    }

    @DeleteMapping("/markups/{orgUnitId}")
    ResponseEntity<Void> clearMarkup(@PathVariable UUID orgUnitId) {
        markups.clear(new OrgUnitId(orgUnitId));
        return ResponseEntity.noContent().build();
    }

    private void requireMayRead(Authentication caller, OrgUnitId unit) {
        boolean seesAll = caller.getAuthorities().stream().anyMatch(a -> SEE_ALL.contains(a.getAuthority()));
        if (seesAll) {
            return;
        }
        if (unit == null) {
            throw new AccessDeniedException("name an orgUnitId you belong to");
        }
        Set<OrgUnitId> memberships =
                users.findByUsername(caller.getName()).map(User::memberships).orElse(Set.of());
        boolean member = org.pathToRoot(unit).stream().map(OrgUnit::id).anyMatch(memberships::contains);
        if (!member) {
            throw new AccessDeniedException("not a member of org unit " + unit + " or a unit above it");
        }
    }
}

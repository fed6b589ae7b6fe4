package dev.switchboard.budget;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.Money;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of budgets. Platform admins and finance create, change and archive them; members read the
 * budgets of their org units. Amounts are integer micro-units of the currency (1 USD = 1 000 000).
 */
@RestController
@RequestMapping("/api/v1/budgets")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Budgets", description = "Spending limits per period on org units and API keys, hard or soft")
class BudgetController {

    private final Budgets budgets;

    BudgetController(Budgets budgets) {
        this.budgets = budgets;
    }

    /** The current period: what is spent, held by calls in flight, left, and when it resets. */
    record PeriodResponse(
            Instant periodStart,
            Instant resetsAt,
            long limitMicros,
            long spentMicros,
            long reservedMicros,
            long remainingMicros) {}

    record BudgetResponse(
            UUID id,
            UUID orgUnitId,
            UUID apiKeyId,
            String name,
            long amountMicros,
            String currency,
            String period,
            Integer customDays,
            LocalDate startsOn,
            String enforcement,
            List<Integer> thresholds,
            Instant createdAt,
            Instant updatedAt,
            Instant archivedAt,
            PeriodResponse current) {
        static BudgetResponse of(BudgetStatus status) {
            Budget b = status.budget();
            BudgetStatus.PeriodUsage c = status.current();
            return new BudgetResponse(
                    b.id().value(),
                    b.scope() instanceof BudgetScope.Unit u ? u.orgUnitId().value() : null,
                    b.scope() instanceof BudgetScope.Key k ? k.apiKeyId() : null,
                    b.name(),
                    b.amount().micros(),
                    b.amount().currency().getCurrencyCode(),
                    b.period().kind().name(),
                    b.period() instanceof BudgetPeriod.Custom custom ? custom.days() : null,
                    b.period().startsOn(),
                    b.enforcement().name(),
                    b.thresholds(),
                    b.createdAt(),
                    b.updatedAt(),
                    b.archivedAt(),
                    c == null
                            ? null
                            : new PeriodResponse(
                                    c.start(),
                                    c.resetsAt(),
                                    c.limit().micros(),
                                    c.spent().micros(),
                                    c.reserved().micros(),
                                    c.remaining().micros()));
        }
    }

    /**
     * @param period MONTHLY, QUARTERLY, CUSTOM (with customDays) or ONE_OFF
     * @param startsOn the first day (budget time zone); default today
     * @param enforcement HARD (refuse calls over the limit, the default) or SOFT (alert only)
     * @param thresholds alert percentages; default 50, 80, 100
     */
    record CreateRequest(
            UUID orgUnitId,
            UUID apiKeyId,

            @NotBlank @Size(max = BudgetRules.MAX_NAME_LENGTH)
            String name,

            @NotNull @Positive Long amountMicros,
            @NotBlank String currency,
            @NotBlank String period,
            Integer customDays,
            LocalDate startsOn,
            String enforcement,
            List<Integer> thresholds) {}

    /** @param currency optional; when given it must be the budget's */
    record UpdateRequest(
            @NotBlank @Size(max = BudgetRules.MAX_NAME_LENGTH)
            String name,

            @NotNull @Positive Long amountMicros,
            String currency,
            @NotBlank String enforcement,
            @NotNull List<Integer> thresholds) {}

    @GetMapping
    @Operation(summary = "Budgets you may read, with their current period; filter by org unit or API key")
    List<BudgetResponse> list(
            @RequestParam(required = false) UUID orgUnitId,
            @RequestParam(required = false) UUID apiKeyId,
            @RequestParam(defaultValue = "false") boolean includeArchived) {
        return budgets.list(orgUnitId == null ? null : new OrgUnitId(orgUnitId), apiKeyId, includeArchived).stream()
                .map(BudgetResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A budget with its current period: spent, reserved, remaining and when it resets")
    BudgetResponse get(@PathVariable UUID id) {
        return BudgetResponse.of(budgets.get(new BudgetId(id)));
    }

    @PostMapping
    @Operation(summary = "Create a budget on an org unit (orgUnitId) or an API key (apiKeyId)")
    ResponseEntity<BudgetResponse> create(@Valid @RequestBody CreateRequest request) {
        if ((request.orgUnitId() == null) == (request.apiKeyId() == null)) {
            throw new BudgetValidationException("orgUnitId", "name exactly one of orgUnitId and apiKeyId");
        }
        BudgetScope scope = request.orgUnitId() != null
                ? new BudgetScope.Unit(new OrgUnitId(request.orgUnitId()))
                : new BudgetScope.Key(request.apiKeyId());
        BudgetPeriod period = BudgetPeriod.of(
                BudgetPeriod.Kind.parse("period", request.period()),
                request.customDays(),
                request.startsOn() == null ? budgets.today() : request.startsOn());
        BudgetStatus created = budgets.create(new NewBudget(
                scope,
                request.name(),
                new Money(request.amountMicros(), currency(request.currency())),
                period,
                request.enforcement() == null
                        ? Enforcement.HARD
                        : Enforcement.parse("enforcement", request.enforcement()),
                request.thresholds()));
        return ResponseEntity.created(
                        URI.create("/api/v1/budgets/" + created.budget().id()))
                .body(BudgetResponse.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change name, amount, enforcement and thresholds (amount and enforcement apply at once)")
    BudgetResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
        BudgetId budgetId = new BudgetId(id);
        Currency currency = request.currency() == null
                ? budgets.get(budgetId).budget().amount().currency()
                : currency(request.currency());
        return BudgetResponse.of(budgets.update(
                budgetId,
                new BudgetChange(
                        request.name(),
                        new Money(request.amountMicros(), currency),
                        Enforcement.parse("enforcement", request.enforcement()),
                        request.thresholds())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete = archive: the budget stops applying and stays for history")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        budgets.archive(new BudgetId(id));
        return ResponseEntity.noContent().build();
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BudgetValidationException("currency", "'" + code + "' is not an ISO 4217 currency code");
        }
    }
}

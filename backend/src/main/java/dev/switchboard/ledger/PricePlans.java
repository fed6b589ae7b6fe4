package dev.switchboard.ledger;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price plans: retail price lists that org units use instead of a markup (see {@link RetailPricing} for
 * how they apply). Prices are appended with an {@code effectiveFrom} of now or later and never changed,
 * so a call keeps the price it was charged; plans are archived, never deleted, because ledger rows name
 * the plan that priced them. Everyone signed in may read plans; platform admins and finance change them.
 */
@Service
public class PricePlans {

    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'FINANCE')";

    private final PricePlanRepository plans;
    private final RetailPricing pricing;
    private final OrgService org;
    private final Clock clock;

    PricePlans(PricePlanRepository plans, RetailPricing pricing, OrgService org, Clock clock) {
        this.plans = plans;
        this.pricing = pricing;
        this.org = org;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PricePlan> list(boolean includeArchived) {
        return plans.findAll(includeArchived);
    }

    @Transactional(readOnly = true)
    public PricePlan get(PricePlanId id) {
        return plans.find(id).orElseThrow(() -> new PricePlanNotFoundException(id));
    }

    @PreAuthorize(MANAGERS)
    @Transactional
    public PricePlan create(NewPricePlan command) {
        PricePlan plan = new PricePlan(
                new PricePlanId(UUID.randomUUID()),
                name(command.name()),
                description(command.description()),
                currency(command.currency()),
                now(),
                author(),
                null,
                List.of());
        try {
            plans.insert(plan);
        } catch (DuplicateKeyException e) {
            throw nameTaken(plan.name());
        }
        return plan;
    }

    /** Renames the plan and replaces its description; prices and currency never change this way. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public PricePlan describe(PricePlanId id, String name, String description) {
        PricePlan plan = active(id);
        try {
            plans.describe(id, name(name), description(description));
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return get(plan.id());
    }

    /** Archives the plan (it can no longer be assigned or changed); refused while units use it. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public PricePlan archive(PricePlanId id) {
        PricePlan plan = locked(id);
        List<OrgUnitId> users = plans.unitsUsing(id);
        if (!users.isEmpty()) {
            throw new PricePlanConflictException(
                    "price plan '" + plan.name() + "' is assigned to org units " + users + ": unassign it first");
        }
        plans.archive(id, now());
        return get(id);
    }

    /** Appends a price for a model; it applies to calls from its {@code effectiveFrom} (default: now) on. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public PlanPrice addPrice(PricePlanId id, NewPlanPrice command) {
        PricePlan plan = active(id);
        PlanPrice price = new PlanPrice(
                command.model(),
                command.inputMicrosPerMTok(),
                command.cachedInputMicrosPerMTok(),
                command.outputMicrosPerMTok(),
                effectiveFrom(command.effectiveFrom()),
                false);
        append(plan, price);
        return price;
    }

    /** Takes a model out of the plan from {@code effectiveFrom} (default: now) on. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public PlanPrice withdrawPrice(PricePlanId id, String model, Instant effectiveFrom) {
        PricePlan plan = active(id);
        PlanPrice withdrawal = PlanPrice.withdrawal(model, effectiveFrom(effectiveFrom));
        if (plan.priceAt(withdrawal.model(), withdrawal.effectiveFrom()).isEmpty()) {
            throw new PricePlanConflictException("price plan '" + plan.name() + "' does not list " + withdrawal.model()
                    + " at " + withdrawal.effectiveFrom());
        }
        append(plan, withdrawal);
        return withdrawal;
    }

    /** Sets the plan on the unit (replacing any plan set there); units below inherit it. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public void assign(OrgUnitId unit, PricePlanId id) {
        org.get(unit);
        PricePlan plan = locked(id);
        requireActive(plan);
        plans.assign(unit, id, now());
        pricing.invalidate();
    }

    /** Removes the plan set on the unit, if any, so that it inherits again. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public void unassign(OrgUnitId unit) {
        org.get(unit);
        plans.unassign(unit);
        pricing.invalidate();
    }

    /** The plan set on exactly this unit, if any (not inherited). */
    @Transactional(readOnly = true)
    public Optional<PricePlanId> planSetOn(OrgUnitId unit) {
        org.get(unit);
        return plans.planSetOn(unit);
    }

    @Transactional(readOnly = true)
    public List<OrgUnitId> unitsUsing(PricePlanId id) {
        get(id);
        return plans.unitsUsing(id);
    }

    private void append(PricePlan plan, PlanPrice price) {
        if (!plans.insertPrice(plan.id(), price, now(), author())) {
            throw new PricePlanConflictException("price plan '" + plan.name() + "' already has a version of "
                    + price.model() + " starting at " + price.effectiveFrom());
        }
        pricing.invalidate();
    }

    private PricePlan active(PricePlanId id) {
        PricePlan plan = get(id);
        requireActive(plan);
        return plan;
    }

    private PricePlan locked(PricePlanId id) {
        return plans.findForUpdate(id).orElseThrow(() -> new PricePlanNotFoundException(id));
    }

    private static void requireActive(PricePlan plan) {
        if (plan.archived()) {
            throw new PricePlanConflictException("price plan '" + plan.name() + "' is archived");
        }
    }

    private Instant effectiveFrom(Instant requested) {
        Instant now = now();
        Instant effective = requested == null ? now : requested.truncatedTo(ChronoUnit.MICROS);
        if (effective.isBefore(now)) {
            throw new LedgerValidationException(
                    "effectiveFrom", "must be now or later (" + now + "): calls already made keep their price");
        }
        return effective;
    }

    private static String name(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
            throw new LedgerValidationException("name", "must be 1-100 characters without control characters");
        }
        return value;
    }

    private static String description(String description) {
        String value = description == null ? "" : description.strip();
        if (value.length() > 1000) {
            throw new LedgerValidationException("description", "must be at most 1000 characters");
        }
        return value;
    }

    private static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new LedgerValidationException("currency", "must be an ISO 4217 code such as USD");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new LedgerValidationException("currency", "'" + code + "' is not an ISO 4217 currency");
        }
    }

    private static PricePlanConflictException nameTaken(String name) {
        return new PricePlanConflictException("another active price plan is called '" + name + "'");
    }

    private static String author() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

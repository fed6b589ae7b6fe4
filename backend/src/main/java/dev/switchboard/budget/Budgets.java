package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.PeriodKey;
import dev.switchboard.budget.PeriodCalendar.Window;
import dev.switchboard.org.OrgNotFoundException;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets: limits per period on org units and API keys. Platform admins and finance create, change
 * and archive them; everyone may read the budgets of their own org units (and the units below).
 * Enforcement on calls is {@link BudgetGuard}'s.
 */
@Service
public class Budgets {

    private final BudgetRepository budgets;
    private final OrgService org;
    private final BudgetAccess access;
    private final BudgetProperties properties;
    private final PeriodCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Budgets(
            BudgetRepository budgets,
            OrgService org,
            BudgetAccess access,
            BudgetProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.budgets = budgets;
        this.org = org;
        this.access = access;
        this.properties = properties;
        this.calendar = new PeriodCalendar(properties.timeZone());
        this.clock = clock;
    }

    /** Today in the budgets' time zone (the default first day of a new budget). */
    public LocalDate today() {
        return calendar.today(clock.instant());
    }

    /**
     * Budgets the signed-in person may read, oldest first, with their current period.
     *
     * @param orgUnit only budgets set on this unit, or {@code null}
     * @param apiKeyId only budgets set on this key, or {@code null}
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<BudgetStatus> list(OrgUnitId orgUnit, UUID apiKeyId, boolean includeArchived) {
        if (orgUnit != null) {
            access.requireRead(orgUnit);
        }
        Predicate<OrgUnitId> readable = access.readable();
        List<BudgetRepository.Row> rows = budgets.find(orgUnit, apiKeyId, includeArchived).stream()
                .filter(r -> r.ownerUnit() != null && readable.test(r.ownerUnit()))
                .toList();
        return statuses(rows.stream().map(BudgetRepository.Row::budget).toList());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public BudgetStatus get(BudgetId id) {
        BudgetRepository.Row row = budgets.findById(id).orElseThrow(() -> new BudgetNotFoundException(id));
        access.requireRead(row.ownerUnit());
        return statuses(List.of(row.budget())).getFirst();
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public BudgetStatus create(NewBudget command) {
        requireActiveScope(command.scope());
        Instant now = now();
        Budget budget = new Budget(
                new BudgetId(UUID.randomUUID()),
                command.scope(),
                command.name(),
                command.amount(),
                command.period(),
                command.enforcement(),
                command.thresholds() == null ? properties.defaultThresholds() : command.thresholds(),
                now,
                now,
                null);
        budgets.insert(budget);
        events.publishEvent(new BudgetChanged(budget.id()));
        return statuses(List.of(budget)).getFirst();
    }

    /** Changes name, amount, enforcement and thresholds; amount and enforcement apply to the current period at once. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public BudgetStatus update(BudgetId id, BudgetChange change) {
        Budget current = locked(id);
        if (current.archived()) {
            throw new BudgetConflictException("budget '" + current.name() + "' is archived");
        }
        if (!change.amount().currency().equals(current.amount().currency())) {
            throw new BudgetValidationException(
                    "currency",
                    "the budget is kept in " + current.amount().currency() + "; create a new one to change it");
        }
        Instant now = now();
        Budget updated = new Budget(
                id,
                current.scope(),
                change.name(),
                change.amount(),
                current.period(),
                change.enforcement(),
                change.thresholds(),
                current.createdAt(),
                now,
                null);
        budgets.update(updated);
        budgets.updateOpenPeriods(id, updated.amount().micros(), updated.hard(), now);
        events.publishEvent(new BudgetChanged(id));
        return statuses(List.of(updated)).getFirst();
    }

    /** Archives the budget: it stops applying to new calls; holds already granted settle as usual. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public BudgetStatus archive(BudgetId id) {
        Budget current = locked(id);
        if (current.archived()) {
            return statuses(List.of(current)).getFirst();
        }
        Instant now = now();
        Budget archived = new Budget(
                id,
                current.scope(),
                current.name(),
                current.amount(),
                current.period(),
                current.enforcement(),
                current.thresholds(),
                current.createdAt(),
                now,
                now);
        budgets.update(archived);
        events.publishEvent(new BudgetChanged(id));
        return statuses(List.of(archived)).getFirst();
    }

    private Budget locked(BudgetId id) {
        return budgets.lock(id)
                .orElseThrow(() -> new BudgetNotFoundException(id))
                .budget();
    }

    private void requireActiveScope(BudgetScope scope) {
        switch (scope) {
            case BudgetScope.Unit u -> {
                OrgUnit unit;
                try {
                    unit = org.get(u.orgUnitId());
                } catch (OrgNotFoundException e) {
                    throw new BudgetValidationException("orgUnitId", "org unit " + u.orgUnitId() + " does not exist");
                }
                if (unit.archived()) {
                    throw new BudgetValidationException("orgUnitId", "'" + unit.name() + "' is archived");
                }
            }
            case BudgetScope.Key k -> {
                Optional<OrgUnitId> unit = budgets.unitOfActiveKey(k.apiKeyId());
                if (unit.isEmpty()) {
                    throw new BudgetValidationException(
                            "apiKeyId", "API key " + k.apiKeyId() + " does not exist or is revoked");
                }
            }
        }
    }

    /** The budgets with their current period's counters (zero where the period has not been used yet). */
    private List<BudgetStatus> statuses(List<Budget> list) {
        Instant now = clock.instant();
        Map<BudgetId, Window> windows = new HashMap<>();
        List<PeriodKey> keys = new ArrayList<>();
        for (Budget b : list) {
            if (!b.archived()) {
                calendar.windowAt(b.period(), now).ifPresent(w -> {
                    windows.put(b.id(), w);
                    keys.add(new PeriodKey(b.id().value(), w.start()));
                });
            }
        }
        Map<PeriodKey, long[]> counters = budgets.spentAndReserved(keys);
        return list.stream()
                .map(b -> {
                    Window w = windows.get(b.id());
                    if (w == null) {
                        return new BudgetStatus(b, null);
                    }
                    long[] c = counters.getOrDefault(new PeriodKey(b.id().value(), w.start()), new long[2]);
                    var currency = b.amount().currency();
                    return new BudgetStatus(
                            b,
                            new BudgetStatus.PeriodUsage(
                                    w.start(),
                                    w.end(),
                                    b.amount(),
                                    new Money(c[0], currency),
                                    new Money(c[1], currency)));
                })
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

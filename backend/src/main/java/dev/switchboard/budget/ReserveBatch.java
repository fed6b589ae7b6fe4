package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.Counter;
import dev.switchboard.budget.CounterStore.HoldRow;
import dev.switchboard.budget.CounterStore.PeriodKey;
import dev.switchboard.budget.CounterStore.Target;
import dev.switchboard.budget.PeriodCalendar.Window;
import dev.switchboard.platform.Ids;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides a batch of reservations in one transaction: reads the budgets that apply, locks their
 * current period counters (new periods are created at zero beforehand), decides each request in arrival order
 * against the locked values, all or nothing over its budgets, then raises each counter once by what
 * its accepted requests hold (the UPDATE re-checks the hard limit) and writes the holds.
 */
final class ReserveBatch implements Batcher.Processor<ReserveBatch.Request, Reservation> {

    /** A reservation to decide; {@code at} is when it was asked for (it picks the periods). */
    record Request(String requestId, Target target, Currency currency, long amount, Instant at) {
        Request {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A budget's period that a request would hold. */
    private record Planned(Budget budget, Window window, PeriodKey key) {}

    private final Engine engine;
    private final PeriodCalendar calendar;
    private final Unbudgeted unbudgeted;

    ReserveBatch(Engine engine, Unbudgeted unbudgeted) {
        this.engine = engine;
        this.calendar = engine.calendar();
        this.unbudgeted = unbudgeted;
    }

    /** The reservation of a call no budget applies to: it holds nothing, and settling it writes the ledger row. */
    static Reservation unheld(
            String requestId, Currency currency, long amount, Instant at, BudgetProperties properties) {
        return new Reservation(
                Ids.randomUuid(),
                requestId,
                new Money(amount, currency),
                List.of(),
                at.plus(properties.reservationTtl()));
    }

    /**
     * Most calls fall under no budget at all: one read, outside any transaction, finds that out, and
     * such a batch is decided without locking or writing anything. Otherwise the batch is decided in a
     * transaction that reads the budgets again under it.
     *
     * <p>The first calls of a new period find its counter rows missing. They are created before that
     * transaction, on their own: created inside it, after it has locked the counters that exist, they
     * would break the key order every counter lock follows, and a batch that created them first and
     * then waits for one of those locks would deadlock with this one.
     */
    @Override
    public List<Batcher.Result<Reservation>> process(List<Request> batch) {
        long generation = unbudgeted.generation(); // before reading: a change during the read is not remembered
        CounterStore.Applicable found = applicable(batch);
        found.byTarget().forEach((target, budgets) -> {
            if (budgets.isEmpty()) {
                unbudgeted.remember(target, generation);
            }
        });
        if (found.none()) {
            return decide(batch, found.byTarget()); // no counter to lock, no hold to write: no statement runs
        }
        Map<PeriodKey, Instant> missing = new LinkedHashMap<>();
        for (Request request : batch) {
            for (Planned p : plan(request, found.byTarget().get(request.target()))) {
                if (found.mayLack(p.key())) {
                    missing.put(p.key(), p.window().end());
                }
            }
        }
        engine.store().create(missing);
        return engine.tx().execute(status -> decide(batch, applicable(batch).byTarget()));
    }

    private CounterStore.Applicable applicable(List<Request> batch) {
        return engine.store()
                .applicable(
                        new LinkedHashSet<>(batch.stream().map(Request::target).toList()));
    }

    private List<Batcher.Result<Reservation>> decide(List<Request> batch, Map<Target, List<Budget>> budgets) {
        List<List<Planned>> plans = new ArrayList<>(batch.size());
        Map<PeriodKey, Instant> ends = new LinkedHashMap<>();
        for (Request request : batch) {
            List<Planned> plan = plan(request, budgets.get(request.target()));
            plan.forEach(p -> ends.put(p.key(), p.window().end()));
            plans.add(plan);
        }
        Map<PeriodKey, Counter> counters = lockCounters(ends);

        Map<PeriodKey, Long> reserved = new HashMap<>(); // the counters' reserved, as this batch raises it
        counters.forEach((key, c) -> reserved.put(key, c.reserved()));
        Map<PeriodKey, Long> added = new LinkedHashMap<>();
        List<HoldRow> rows = new ArrayList<>();
        List<Batcher.Result<Reservation>> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Request request = batch.get(i);
            List<Planned> plan = plans.get(i);
            BudgetExceededException refusal = refusal(request, plan, counters, reserved);
            if (refusal != null) {
                results.add(Batcher.Result.failed(refusal));
                continue;
            }
            UUID id = Ids.randomUuid();
            Instant expiresAt = request.at().plus(engine.properties().reservationTtl());
            List<Reservation.Hold> holds = new ArrayList<>(plan.size());
            for (Planned p : plan) {
                Counter c = counters.get(p.key());
                long nowReserved = reserved.merge(p.key(), request.amount(), Math::addExact);
                added.merge(p.key(), request.amount(), Math::addExact);
                rows.add(new HoldRow(id, p.key(), request.amount(), request.requestId(), expiresAt));
                holds.add(hold(p, c, c.limit() - c.spent() - nowReserved));
            }
            results.add(Batcher.Result.ok(new Reservation(
                    id, request.requestId(), new Money(request.amount(), request.currency()), holds, expiresAt)));
        }
        if (!added.isEmpty() && engine.store().hold(added, rows, engine.clock().instant()) != added.size()) {
            // cannot happen while the rows stay locked; if it does, nothing of this batch may stand
            throw new IllegalStateException("a budget counter refused a hold the batch granted; batch rolled back");
        }
        return results;
    }

    /**
     * The periods of the request's budgets that apply at its time. A soft budget kept in another
     * currency is left out (it could only alert, and cannot add up the call); a hard one stays in and
     * refuses.
     */
    private List<Planned> plan(Request request, List<Budget> budgets) {
        List<Planned> plan = new ArrayList<>();
        for (Budget budget : budgets) {
            if (!budget.hard() && !budget.amount().currency().equals(request.currency())) {
                continue;
            }
            calendar.windowAt(budget.period(), request.at())
                    .ifPresent(w -> plan.add(
                            new Planned(budget, w, new PeriodKey(budget.id().value(), w.start()))));
        }
        return plan;
    }

    /**
     * Locks the batch's counters. One can only be missing here if its budget appeared after {@link
     * #process} created the missing ones: it is created now, out of key order, which may deadlock; the
     * database then breaks the deadlock and the batch is run again.
     */
    private Map<PeriodKey, Counter> lockCounters(Map<PeriodKey, Instant> ends) {
        Map<PeriodKey, Counter> counters = engine.store().lock(ends.keySet());
        if (counters.size() < ends.size()) {
            Map<PeriodKey, Instant> missing = new LinkedHashMap<>(ends);
            missing.keySet().removeAll(counters.keySet());
            engine.store().create(missing);
            counters = engine.store().lock(ends.keySet());
            if (counters.size() < ends.size()) {
                throw new IllegalStateException("budget period counters missing after creating them");
            }
        }
        return counters;
    }

    /**
     * Why the request may not hold, or {@code null}: the hard budget with the least left among those it
     * would take over their limit. A hard budget kept in another currency refuses: it cannot be
     * checked, and letting the call through would leave the limit unenforced.
     */
    private static BudgetExceededException refusal(
            Request request, List<Planned> plan, Map<PeriodKey, Counter> counters, Map<PeriodKey, Long> reserved) {
        BudgetExceededException tightest = null;
        long tightestLeft = Long.MAX_VALUE;
        Money asked = new Money(request.amount(), request.currency());
        for (Planned p : plan) {
            Budget budget = p.budget();
            Counter c = counters.get(p.key());
            Currency currency = budget.amount().currency();
            if (!currency.equals(request.currency())) {
                return BudgetExceededException.currencyMismatch(
                        budget.id(),
                        budget.name(),
                        budget.scope(),
                        budget.amount(),
                        asked,
                        p.window().end());
            }
            long left = c.limit() - c.spent() - reserved.get(p.key());
            if (c.hard() && request.amount() > left && left < tightestLeft) {
                tightestLeft = left;
                tightest = new BudgetExceededException(
                        budget.id(),
                        budget.name(),
                        budget.scope(),
                        new Money(c.limit(), currency),
                        new Money(left, currency),
                        asked,
                        p.window().end());
            }
        }
        return tightest;
    }

    private static Reservation.Hold hold(Planned p, Counter c, long remaining) {
        Currency currency = p.budget().amount().currency();
        return new Reservation.Hold(
                p.budget().id(),
                p.budget().name(),
                p.budget().scope(),
                c.hard() ? Enforcement.HARD : Enforcement.SOFT,
                p.window().start(),
                p.window().end(),
                new Money(c.limit(), currency),
                new Money(remaining, currency));
    }
}

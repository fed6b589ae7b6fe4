package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.Alert;
import dev.switchboard.budget.CounterStore.Delta;
import dev.switchboard.budget.CounterStore.HoldRow;
import dev.switchboard.budget.CounterStore.PeriodKey;
import dev.switchboard.budget.CounterStore.Settled;
import dev.switchboard.ledger.UsageEntry;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Settles a batch of calls in one transaction: writes their ledger rows (idempotent on the request
 * id), deletes their holds, and moves each counter once: spend up by the charges whose ledger row this
 * batch wrote, reserved down by the holds this batch deleted. Whoever deletes a hold takes it off (the
 * sweeper may have been first); whoever writes the ledger row charges it (a second settlement of the
 * same request finds the row there and charges nothing). So the counters always equal the ledger and
 * the live holds, however settlements, releases and sweeps interleave across nodes.
 */
final class SettleBatch implements Batcher.Processor<SettleBatch.Request, Boolean> {

    /** A settlement ({@code entry} set) or a release ({@code entry == null}). */
    record Request(Reservation reservation, UsageEntry entry) {
        Request {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    private record Outcome(List<Batcher.Result<Boolean>> results, List<Alert> alerts) {}

    private final Engine engine;
    private final AlertPublisher alerts;

    SettleBatch(Engine engine, AlertPublisher alerts) {
        this.engine = engine;
        this.alerts = alerts;
    }

    @Override
    public List<Batcher.Result<Boolean>> process(List<Request> batch) {
        Outcome outcome = engine.tx().execute(status -> apply(batch));
        alerts.publish(outcome.alerts()); // after the commit: subscribers see committed spend
        return outcome.results();
    }

    private Outcome apply(List<Request> batch) {
        Set<String> written = engine.ledger()
                .recordAll(batch.stream()
                        .map(Request::entry)
                        .filter(Objects::nonNull)
                        .toList());
        Set<String> charged = new HashSet<>();
        List<Batcher.Result<Boolean>> results = new ArrayList<>(batch.size());
        Map<PeriodKey, long[]> deltas = new LinkedHashMap<>();
        for (Request request : batch) {
            // the first settlement of a request in the batch is the one whose row was written
            boolean charges = request.entry() != null
                    && written.contains(request.entry().requestId())
                    && charged.add(request.entry().requestId());
            if (charges) {
                long retail = request.entry().retail().micros();
                for (Reservation.Hold hold : request.reservation().holds()) {
                    deltas.computeIfAbsent(key(hold), k -> new long[2])[0] += retail;
                }
            }
            results.add(Batcher.Result.ok(charges));
        }
        List<UUID> withHolds = batch.stream()
                .map(Request::reservation)
                .filter(r -> !r.holds().isEmpty())
                .map(Reservation::id)
                .distinct()
                .toList();
        for (HoldRow row : engine.store().deleteHolds(withHolds)) {
            deltas.computeIfAbsent(row.period(), k -> new long[2])[1] += row.amount();
        }
        Map<PeriodKey, Delta> changes = new LinkedHashMap<>();
        deltas.forEach((key, d) -> changes.put(key, new Delta(d[0], d[1])));
        List<Settled> after = engine.store().settle(changes);
        return new Outcome(
                results,
                engine.store().insertAlerts(crossed(after, engine.clock().instant())));
    }

    /** Thresholds this batch's spend took a counter across (from below to at or above). */
    static List<Alert> crossed(List<Settled> counters, Instant now) {
        List<Alert> crossed = new ArrayList<>();
        for (Settled c : counters) {
            long before = c.spent() - c.spendAdded();
            for (int percent : c.thresholds()) {
                if (c.spendAdded() > 0
                        && reached(c.spent(), c.limit(), percent)
                        && !reached(before, c.limit(), percent)) {
                    crossed.add(new Alert(c.key(), percent, c.spent(), c.limit(), now));
                }
            }
        }
        return crossed;
    }

    /** spent / limit >= percent / 100, exact in integers. */
    static boolean reached(long spent, long limit, int percent) {
        try {
            return Math.multiplyExact(spent, 100L) >= Math.multiplyExact(limit, (long) percent);
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(spent)
                            .multiply(BigInteger.valueOf(100))
                            .compareTo(BigInteger.valueOf(limit).multiply(BigInteger.valueOf(percent)))
                    >= 0;
        }
    }

    private static PeriodKey key(Reservation.Hold hold) {
        return new PeriodKey(hold.budgetId().value(), hold.periodStart());
    }
}

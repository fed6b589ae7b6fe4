package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.PeriodKey;
import dev.switchboard.ledger.UsageEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Settles a batch of calls in one statement (one round trip, its own commit): writes their ledger rows (idempotent on the request
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

    private final Engine engine;
    private final AlertPublisher alerts;

    SettleBatch(Engine engine, AlertPublisher alerts) {
        this.engine = engine;
        this.alerts = alerts;
    }

    /**
     * One statement, outside any transaction: it commits on its own, in one round trip (see {@link
     * CounterStore#settleAll}). The alerts it raised are published once it has committed.
     */
    @Override
    public List<Batcher.Result<Boolean>> process(List<Request> batch) {
        // the first settlement of a request in the batch is the one that may write its row and charge
        Set<String> firsts = new HashSet<>();
        List<UsageEntry> entries = new ArrayList<>();
        List<CounterStore.Charge> charges = new ArrayList<>();
        boolean[] first = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            UsageEntry entry = batch.get(i).entry();
            if (entry == null || !firsts.add(entry.requestId())) {
                continue;
            }
            first[i] = true;
            entries.add(entry);
            for (Reservation.Hold hold : batch.get(i).reservation().holds()) {
                charges.add(new CounterStore.Charge(
                        entry.requestId(), key(hold), entry.retail().micros()));
            }
        }
        List<UUID> withHolds = batch.stream()
                .map(Request::reservation)
                .filter(r -> !r.holds().isEmpty())
                .map(Reservation::id)
                .distinct()
                .toList();
        CounterStore.SettledBatch settled = engine.store()
                .settleAll(
                        engine.ledger().rowsOf(entries),
                        charges,
                        withHolds,
                        engine.clock().instant());
        List<Batcher.Result<Boolean>> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            results.add(Batcher.Result.ok(
                    first[i] && settled.written().contains(batch.get(i).entry().requestId())));
        }
        alerts.publish(settled.alerts()); // after the commit: subscribers see committed spend
        return results;
    }

    private static PeriodKey key(Reservation.Hold hold) {
        return new PeriodKey(hold.budgetId().value(), hold.periodStart());
    }
}

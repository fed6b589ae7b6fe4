package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.Target;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The charge targets (org unit and key) this node knows no budget applies to, so that their calls —
 * most calls — reserve without a database round trip.
 *
 * <p>What is known is only trusted while {@link BudgetScopeListener} listens for changes: the database
 * notifies every node when a budget, or the org tree above a unit, changes (a trigger on those tables),
 * and the listener then {@linkplain #forget() forgets} everything. While it is not listening (starting,
 * reconnecting, stopped) nothing is known and every reservation reads the budgets.
 *
 * <p>A read that raced with a change must not be remembered: a reader takes the {@link #generation()}
 * before it reads, and {@link #remember} keeps the answer only if no change came in meanwhile.
 */
final class Unbudgeted {

    /** Past this many targets the set starts over, bounding memory when keys are many. */
    static final int MAX_TARGETS = 100_000;

    private final Set<Target> targets = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean trusted;

    /** Whether no budget applies to {@code target}, as far as this node knows for sure. */
    boolean known(Target target) {
        return trusted && targets.contains(target);
    }

    /** Taken before reading which budgets apply: {@link #remember} needs it. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers that no budget applies to {@code target}, as read by a reader that took {@code
     * generation} before reading. Nothing is remembered while not trusted, or if a change arrived after
     * that reader started.
     */
    void remember(Target target, long generation) {
        if (!trusted || this.generation.get() != generation) {
            return;
        }
        if (targets.size() >= MAX_TARGETS) {
            targets.clear();
        }
        targets.add(target);
        if (this.generation.get() != generation) {
            // a change arrived between the check and the add, and its clear may have run before the add
            targets.remove(target);
        }
    }

    /** A budget or the org tree changed somewhere: nothing known stays. */
    void forget() {
        generation.incrementAndGet(); // first: a reader that read before the change can no longer remember
        targets.clear();
    }

    /** Changes are being listened for from now on: what is learnt from here on may be trusted. */
    void trust() {
        forget(); // changes made while nobody listened were missed
        trusted = true;
    }

    /** Changes can no longer be heard: nothing is known until {@link #trust()} again. */
    void distrust() {
        trusted = false;
        forget();
    }

    boolean trusted() {
        return trusted;
    }

    int size() {
        return targets.size();
    }
}

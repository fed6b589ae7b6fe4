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
 * before it reads, and {@link #remember} keeps the answer only in the epoch of that generation, which
 * a change replaces whole.
 */
final class Unbudgeted {

    /** Past this many targets the set starts over, bounding memory when keys are many. */
    static final int MAX_TARGETS = 100_000;

    /**
     * What is known between two changes: a change replaces the whole epoch, so a target added to an
     * old epoch after the change can never be seen through the new one.
     */
    private record Epoch(long generation, Set<Target> targets) {}

    private final AtomicLong generation = new AtomicLong();
    private volatile Epoch epoch = new Epoch(0, ConcurrentHashMap.newKeySet());
    private volatile boolean trusted;
    /** Until when ({@link System#nanoTime}) the listener last vouched that it still hears changes. */
    private volatile long trustedUntil;

    /** Whether no budget applies to {@code target}, as far as this node knows for sure. */
    boolean known(Target target) {
        return trusted() && epoch.targets().contains(target);
    }

    /** Taken before reading which budgets apply: {@link #remember} needs it. */
    long generation() {
        return epoch.generation();
    }

    /**
     * Remembers that no budget applies to {@code target}, as read by a reader that took {@code
     * generation} before reading. Nothing is remembered while not trusted, or if a change arrived after
     * that reader started.
     */
    void remember(Target target, long generation) {
        Epoch current = epoch;
        if (!trusted || current.generation() != generation) {
            return;
        }
        if (current.targets().size() >= MAX_TARGETS) {
            current.targets().clear();
        }
        current.targets().add(target); // into this epoch only: a change since then has replaced it
    }

    /** A budget or the org tree changed somewhere: nothing known stays. */
    void forget() {
        epoch = new Epoch(generation.incrementAndGet(), ConcurrentHashMap.newKeySet());
    }

    /**
     * Changes are being listened for, as checked just now: what is learnt from here on may be trusted
     * for {@code lease} unless {@link #vouch} extends it (a listener that stops vouching, stuck or cut
     * off, stops being trusted by itself).
     */
    void trust(java.time.Duration lease) {
        forget(); // changes made while nobody listened were missed
        vouch(lease);
        trusted = true;
    }

    /** The listener still hears changes: trust for another {@code lease}. */
    void vouch(java.time.Duration lease) {
        trustedUntil = System.nanoTime() + lease.toNanos();
    }

    /** Changes can no longer be heard: nothing is known until {@link #trust} again. */
    void distrust() {
        trusted = false;
        forget();
    }

    boolean trusted() {
        return trusted && System.nanoTime() - trustedUntil < 0;
    }

    int size() {
        return epoch.targets().size();
    }
}

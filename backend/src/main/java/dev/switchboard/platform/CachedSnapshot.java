package dev.switchboard.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small piece of database state (the org tree, the markups, the routing policies) kept in memory for
 * a short time, so the gateway's hot path does not read whole tables on every call.
 *
 * <p>The rules that keep it honest:
 *
 * <ul>
 *   <li>A change made through this node calls {@link #invalidateOnCompletion()}: the next read on this
 *       node loads again, at once after the writing transaction ends (commit or rollback).
 *   <li>A change made on another node is seen when the snapshot expires: within {@code ttl} (plus the
 *       time one load takes).
 *   <li>A load that was under way while an invalidation happened is not kept: it may have read the state
 *       from before the change.
 *   <li>Inside a read-write transaction the loader is called directly and its result not kept: the caller
 *       may need its own uncommitted writes, and other threads must not see them.
 * </ul>
 *
 * <p>When the snapshot has expired, one caller reloads it while the others keep using the expired one
 * for that moment (no stampede of identical queries); after an invalidation everyone waits for the
 * fresh load.
 *
 * @param <T> the snapshot, immutable
 */
public final class CachedSnapshot<T> {

    private record Entry<T>(T value, Instant loadedAt) {}

    /** The current entry (null when there is none) and the number of invalidations so far. */
    private record State<T>(Entry<T> entry, long generation) {}

    private final Duration ttl;
    private final Clock clock;
    private final Supplier<T> loader;
    private final ReentrantLock loading = new ReentrantLock();
    private final AtomicReference<State<T>> state = new AtomicReference<>(new State<>(null, 0));

    public CachedSnapshot(Duration ttl, Clock clock, Supplier<T> loader) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock);
        this.loader = Objects.requireNonNull(loader);
    }

    /** The snapshot, loaded if there is none or it has expired. */
    public T get() {
        if (insideReadWriteTransaction()) {
            return loader.get();
        }
        Entry<T> entry = state.get().entry();
        if (entry != null && fresh(entry)) {
            return entry.value();
        }
        if (entry != null && !loading.tryLock()) {
            return entry.value(); // someone is reloading the expired snapshot right now
        }
        if (entry == null) {
            loading.lock();
        }
        try {
            Entry<T> current = state.get().entry();
            return current != null && fresh(current) ? current.value() : load();
        } finally {
            loading.unlock();
        }
    }

    /** Loads now (e.g. when the snapshot lacks something that may have just been created elsewhere). */
    public T reload() {
        if (insideReadWriteTransaction()) {
            return loader.get();
        }
        loading.lock();
        try {
            return load();
        } finally {
            loading.unlock();
        }
    }

    /** Drops the snapshot; a load under way is not kept. */
    public void invalidate() {
        state.updateAndGet(s -> new State<>(null, s.generation() + 1));
    }

    /**
     * Drops the snapshot now and again when the current transaction ends, committed or rolled back: a
     * read on another thread between the write and the commit cannot leave the old state behind.
     */
    public void invalidateOnCompletion() {
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
    }

    /** Called with {@link #loading} held, so no other load runs; only an invalidation can intervene. */
    private T load() {
        State<T> before = state.get();
        Instant loadedAt = clock.instant();
        T value = loader.get();
        // kept only if no invalidation happened meanwhile (the generation would have moved on)
        state.compareAndSet(before, new State<>(new Entry<>(value, loadedAt), before.generation()));
        return value;
    }

    private boolean fresh(Entry<T> entry) {
        Instant now = clock.instant();
        // a clock that went backwards makes the entry stale rather than fresh for longer
        return now.isBefore(entry.loadedAt().plus(ttl)) && !now.isBefore(entry.loadedAt());
    }

    private static boolean insideReadWriteTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}

package dev.switchboard.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes ledger rows in group commits: every gateway call must have its row committed before its
 * response ends, and one transaction per call made the database's commit (a WAL flush each) the
 * gateway's ceiling. Callers hand their entry to one writer thread and wait; the writer takes
 * everything that queued up while the previous commit ran and writes it in one short transaction: the
 * ledger's recording lock (shared, see {@link UsageLedger#cut()}), one multi-row INSERT, the commit. A lone call waits for one insert, as before; under load one commit serves many calls.
 *
 * <p>Nothing is lost or written twice: a caller returns only after its row's transaction committed (or
 * with the error that prevented it), and every insert keeps the {@code request_id} idempotency. If a
 * batch fails (one bad row, a lost connection), each of its entries is retried alone, so one entry's
 * error never becomes another's. On shutdown the writer finishes what is queued before it stops.
 */
@Component
class GroupCommitWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Rows per transaction at most; more waiting callers go into the next one. */
    static final int MAX_BATCH = 256;

    /** An entry waiting for its transaction, and the caller waiting for the outcome. */
    record Pending(UsageEntry entry, CompletableFuture<Boolean> written) {
        Pending(UsageEntry entry) {
            this(entry, new CompletableFuture<>());
        }
    }

    private final UsageLedgerRepository rows;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;
    private volatile boolean stopping;

    GroupCommitWriter(UsageLedgerRepository rows, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Writes the entry and returns once it is committed.
     *
     * @return true if this call wrote the row, false if a row with its request id already existed
     */
    boolean write(UsageEntry entry) {
        if (writer == null || stopping) {
            // not started yet (or shutting down): write it here, in a transaction of its own
            return writeNow(List.of(entry)).contains(entry.requestId());
        }
        Pending pending = new Pending(entry);
        queue.add(pending);
        try {
            return pending.written().get();
        } catch (InterruptedException e) {
            // the row may still be written: the idempotent request id makes a retry safe
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ledger row was being written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!(stopping && queue.isEmpty())) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // never leave a caller waiting, whatever happened
                batch.forEach(p -> p.written().completeExceptionally(e));
                log.error("ledger writer: unexpected failure", e);
            } finally {
                batch.clear();
            }
        }
        // interrupted: whoever is still queued must not wait forever
        Pending left;
        while ((left = queue.poll()) != null) {
            left.written().completeExceptionally(new CancellationException("the ledger writer stopped"));
        }
    }

    /** Writes one batch in one statement and completes every entry's outcome (package-private for tests). */
    void writeBatch(List<Pending> batch) {
        // the same request id twice in one batch: the first one writes, the rest find it there
        List<Pending> distinct = new ArrayList<>(batch.size());
        List<Pending> repeats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Pending p : batch) {
            (seen.add(p.entry().requestId()) ? distinct : repeats).add(p);
        }
        Set<String> written;
        try {
            written = writeNow(distinct.stream().map(Pending::entry).toList());
        } catch (RuntimeException e) {
            if (distinct.size() == 1) {
                distinct.getFirst().written().completeExceptionally(e);
            } else {
                log.warn(
                        "ledger batch of {} failed ({}); writing its entries one by one",
                        distinct.size(),
                        e.toString());
                distinct.forEach(this::writeAlone);
            }
            repeats.forEach(this::writeAlone);
            return;
        }
        distinct.forEach(p -> p.written().complete(written.contains(p.entry().requestId())));
        repeats.forEach(p -> p.written().complete(false));
    }

    /** The request ids written (those not already there), committed when this returns. */
    private Set<String> writeNow(List<UsageEntry> entries) {
        return transactions.execute(status -> {
            rows.holdRecordingLock();
            // stamped after the lock: see UsageLedger#record
            return rows.insertAllOnce(entries, clock.instant());
        });
    }

    private void writeAlone(Pending p) {
        try {
            p.written().complete(writeNow(List.of(p.entry())).contains(p.entry().requestId()));
        } catch (RuntimeException e) {
            p.written().completeExceptionally(e);
        }
    }

    @Override
    public void start() {
        stopping = false;
        Thread t = Thread.ofPlatform().name("ledger-writer").daemon().unstarted(this::run);
        writer = t;
        t.start();
    }

    @Override
    public void stop() {
        stopping = true;
        Thread t = writer;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t.interrupt();
        }
        writer = null;
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /**
     * Starts before and stops after the web server (phases max - 2048 and max - 1024), so requests
     * still being finished during a graceful shutdown get their rows written.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}

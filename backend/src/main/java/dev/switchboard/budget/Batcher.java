package dev.switchboard.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit: callers hand in requests and wait; whoever runs a batch takes whatever has queued (up
 * to a maximum) and hands it to the processor as one batch, in arrival order. There is no waiting to
 * fill a batch: while one batch is in its transaction, the next one queues, so batches grow with load
 * and an idle system answers a lone request at once.
 *
 * <p>Batches run on the callers' own threads (leader/follower): a caller that finds a batch slot free
 * ({@code flushers} slots per batcher) takes the queue and runs it, its own request among the others;
 * callers that find every slot taken wait, and the leader wakes the oldest of them when it is done and
 * requests are still queued. So an idle call pays no hand-off to another thread and back, and a busy
 * one no more than one wake-up. A caller inside a transaction of its own never leads (the batch must
 * commit on its own, not with the caller's work): a helper thread leads for it.
 *
 * <p>A batch that fails with a transient database error (deadlock, serialization failure) is run
 * again; one that still fails is split into single requests, so one bad request fails alone. When
 * batching is disabled every request runs as its own batch on the caller's thread.
 *
 * @param <I> a request
 * @param <O> its answer
 */
final class Batcher<I, O> {

    private static final Logger log = LoggerFactory.getLogger(Batcher.class);
    private static final int ATTEMPTS = 3;

    /** Decides a batch in one transaction: one result per request, in order. */
    interface Processor<I, O> {
        List<Result<O>> process(List<I> batch);
    }

    /** A request's answer: a value, or the (expected) exception to throw to its caller. */
    record Result<O>(O value, RuntimeException failure) {
        static <O> Result<O> ok(O value) {
            return new Result<>(value, null);
        }

        static <O> Result<O> failed(RuntimeException failure) {
            return new Result<>(null, failure);
        }
    }

    /** A queued request: its answer arrives through {@link #complete} or {@link #fail}. */
    private static final class Pending<I, O> {
        final I item;
        final Thread waiter;
        private volatile boolean done;
        private O value;
        private Throwable failure;

        Pending(I item, Thread waiter) {
            this.item = item;
            this.waiter = waiter;
        }

        void complete(O result) {
            value = result;
            done = true; // the volatile write publishes value
            LockSupport.unpark(waiter);
        }

        void fail(Throwable error) {
            failure = error;
            done = true;
            LockSupport.unpark(waiter);
        }

        boolean done() {
            return done;
        }
    }

    private final String name;
    private final Processor<I, O> processor;
    private final BudgetProperties.Batching settings;
    private final BlockingQueue<Pending<I, O>> queue;
    /** One permit per batch that may run at a time. */
    private final Semaphore slots;

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile ExecutorService helpers;
    private volatile boolean running;

    Batcher(String name, Processor<I, O> processor, BudgetProperties.Batching settings) {
        this.name = name;
        this.processor = processor;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.slots = new Semaphore(settings.flushers());
    }

    /** Decides {@code item} (in a batch with others) and returns its answer or throws its failure. */
    O submit(I item) {
        if (!settings.enabled()) {
            return unwrap(runAlone(item));
        }
        ExecutorService helpers = this.helpers;
        if (!running || helpers == null) {
            throw new IllegalStateException(name + " is not running");
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a batch run here would join the caller's transaction: a helper thread leads instead
            try {
                return helpers.submit(() -> await(enqueue(item))).get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted while waiting", e);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                throw new IllegalStateException(name + " is not running");
            }
        }
        return await(enqueue(item));
    }

    /** Queues {@code item}; the calling thread is the one its answer wakes. */
    private Pending<I, O> enqueue(I item) {
        Pending<I, O> pending = new Pending<>(item, Thread.currentThread());
        if (!queue.offer(pending)) {
            throw new IllegalStateException(name + " is overloaded: " + settings.queueCapacity() + " requests queued");
        }
        return pending;
    }

    /**
     * Waits for the request's answer, running batches meanwhile whenever a slot is free: the caller
     * leads until its own request is decided, then wakes the oldest waiter if requests are left queued.
     */
    private O await(Pending<I, O> pending) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (!pending.done()) {
            if (slots.tryAcquire()) {
                boolean ran = false;
                try {
                    while (!pending.done() && !queue.isEmpty()) {
                        runNextBatch();
                        ran = true;
                    }
                } finally {
                    slots.release();
                }
                wakeOldestWaiter();
                if (ran) {
                    continue;
                }
                // nothing queued and ours not decided: it is in a batch another slot is running, whose
                // leader wakes us when it completes it; wait instead of taking the free slot again
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                abandon(pending);
                throw new IllegalStateException(name + " did not answer within " + settings.timeout());
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                abandon(pending);
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted while waiting");
            }
        }
        if (pending.failure != null) {
            throw pending.failure instanceof RuntimeException r ? r : new IllegalStateException(pending.failure);
        }
        return pending.value;
    }

    /**
     * The caller gives up: a request still queued is taken out, so it is never decided behind its
     * caller's back (a reservation nobody would settle), and the next oldest caller is woken in case
     * this one was the one woken to lead. A request already in a running batch is decided anyway.
     */
    private void abandon(Pending<I, O> pending) {
        queue.remove(pending);
        wakeOldestWaiter();
    }

    /** The slot just freed and requests are still queued: their oldest caller leads next. */
    private void wakeOldestWaiter() {
        Pending<I, O> oldest = queue.peek();
        if (oldest != null) {
            LockSupport.unpark(oldest.waiter);
        }
    }

    synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        helpers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(name + "-helper-", 1).factory());
        running = true;
    }

    /** Stops taking requests, lets the batches in progress finish and fails what is still queued. */
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        ExecutorService helpers = this.helpers;
        this.helpers = null;
        helpers.shutdown();
        try {
            // every slot back: no batch is running any more
            if (slots.tryAcquire(settings.flushers(), settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                slots.release(settings.flushers());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending<I, O>> stranded = new ArrayList<>();
        queue.drainTo(stranded); // queued in the instant between the running check and stop
        stranded.forEach(p -> p.fail(new IllegalStateException(name + " stopped")));
    }

    boolean running() {
        return running;
    }

    /** Requests waiting for a batch. */
    int queued() {
        return queue.size();
    }

    long batches() {
        return batches.get();
    }

    long requests() {
        return requests.get();
    }

    /** Takes up to {@code maxSize} queued requests and decides them as one batch; the caller holds a slot. */
    private void runNextBatch() {
        List<Pending<I, O>> batch = new ArrayList<>(Math.min(settings.maxSize(), 64));
        queue.drainTo(batch, settings.maxSize());
        if (batch.isEmpty()) {
            return;
        }
        try {
            run(batch);
        } catch (Throwable unexpected) { // callers must never be left waiting on a batch that died
            log.error("{}: batch failed unexpectedly", name, unexpected);
            batch.forEach(p -> {
                if (!p.done()) {
                    p.fail(unexpected);
                }
            });
        }
    }

    private void run(List<Pending<I, O>> batch) {
        List<Result<O>> results;
        try {
            results = processWithRetries(batch.stream().map(p -> p.item).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().fail(e);
                return;
            }
            log.warn(
                    "{}: a batch of {} failed ({}); deciding its requests one at a time",
                    name,
                    batch.size(),
                    e.toString());
            batch.forEach(p -> run(List.of(p)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Result<O> result = results.get(i);
            if (result.failure() == null) {
                batch.get(i).complete(result.value());
            } else {
                batch.get(i).fail(result.failure());
            }
        }
    }

    private Result<O> runAlone(I item) {
        return processWithRetries(List.of(item)).getFirst();
    }

    private List<Result<O>> processWithRetries(List<I> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<Result<O>> results = processor.process(items);
                batches.incrementAndGet();
                requests.addAndGet(items.size());
                return results;
            } catch (TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("{}: transient failure, attempt {} of {}", name, attempt, ATTEMPTS, e);
            }
        }
    }

    private static <O> O unwrap(Result<O> result) {
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.value();
    }
}

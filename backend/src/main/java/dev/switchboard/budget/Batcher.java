package dev.switchboard.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;

/**
 * Group commit: callers hand in requests and wait on a future; flusher threads take whatever has
 * queued (up to a maximum) and hand it to the processor as one batch, in arrival order. There is no
 * waiting to fill a batch: while one batch is in its transaction, the next one queues, so batches grow
 * with load and an idle system answers a lone request at once.
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

    private record Pending<I, O>(I item, CompletableFuture<O> future) {}

    private final String name;
    private final Processor<I, O> processor;
    private final BudgetProperties.Batching settings;
    private final BlockingQueue<Pending<I, O>> queue;
    private final List<Thread> flushers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean running;

    Batcher(String name, Processor<I, O> processor, BudgetProperties.Batching settings) {
        this.name = name;
        this.processor = processor;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
    }

    /** Decides {@code item} (in a batch with others) and returns its answer or throws its failure. */
    O submit(I item) {
        if (!settings.enabled()) {
            return unwrap(runAlone(item));
        }
        if (!running) {
            throw new IllegalStateException(name + " is not running");
        }
        Pending<I, O> pending = new Pending<>(item, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new IllegalStateException(name + " is overloaded: " + settings.queueCapacity() + " requests queued");
        }
        Duration timeout = settings.timeout();
        try {
            return pending.future().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while waiting", e);
        }
    }

    synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        for (int i = 1; i <= settings.flushers(); i++) {
            flushers.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::flushLoop));
        }
    }

    /** Stops taking requests, finishes the queued ones and waits for the flushers. */
    synchronized void stop() {
        running = false;
        for (Thread flusher : flushers) {
            try {
                flusher.join(settings.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        flushers.clear();
        List<Pending<I, O>> stranded = new ArrayList<>();
        queue.drainTo(stranded); // queued in the instant between the running check and stop
        stranded.forEach(p -> p.future().completeExceptionally(new IllegalStateException(name + " stopped")));
    }

    boolean running() {
        return running;
    }

    /** Requests waiting for a flusher. */
    int queued() {
        return queue.size();
    }

    long batches() {
        return batches.get();
    }

    long requests() {
        return requests.get();
    }

    private void flushLoop() {
        List<Pending<I, O>> batch = new ArrayList<>(settings.maxSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxSize() - 1);
                run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable unexpected) { // a flusher must never die with callers waiting on it
                log.error("{}: batch failed unexpectedly", name, unexpected);
                batch.forEach(p -> p.future().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    private void run(List<Pending<I, O>> batch) {
        List<Result<O>> results;
        try {
            results = processWithRetries(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().future().completeExceptionally(e);
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
            CompletableFuture<O> future = batch.get(i).future();
            if (result.failure() == null) {
                future.complete(result.value());
            } else {
                future.completeExceptionally(result.failure());
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

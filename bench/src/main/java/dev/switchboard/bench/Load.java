package dev.switchboard.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives one scenario's {@link ChatCalls.Call} on virtual threads and records every request's latency
 * (and time to first token) in microseconds, in HdrHistograms (3 significant digits).
 */
final class Load {

    /** The longest latency a histogram holds: one minute, in microseconds. */
    private static final long MAX_MICROS = 60_000_000L;

    /**
     * The fixed-rate mode counts a due request as failed instead of sending it past this many in
     * flight (half a second of queue at 2,000 req/s): an overloaded target shows as failures rather
     * than as a pile-up that times out for minutes.
     */
    private static final int MAX_IN_FLIGHT = 1_000;

    /** What one run measured. */
    record Measurement(
            long ok,
            long failed,
            Duration elapsed,
            Histogram latency,
            Histogram ttft,
            String firstFailure,
            CpuMeter.Spent cpu) {

        double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }

        /** CPU microseconds (this JVM and the database) per successful request. */
        double cpuMicrosPerRequest() {
            return ok == 0 ? 0 : cpu.totalNanos() / 1e3 / ok;
        }

        /** The database's part of {@link #cpuMicrosPerRequest}. */
        double databaseCpuMicrosPerRequest() {
            return ok == 0 ? 0 : cpu.databaseNanos() / 1e3 / ok;
        }
    }

    private Load() {}

    /** {@code workers} loops sending back to back for {@code duration}; then waits for the last replies. */
    static Measurement closedLoop(ChatCalls.Call call, int workers, Duration duration) {
        Recording recording = new Recording();
        CpuMeter.Reading cpu = CpuMeter.now();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                threads.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        recording.record(sent, send(call));
                    }
                });
            }
        }
        return recording.result(System.nanoTime() - start, CpuMeter.now().since(cpu));
    }

    /**
     * One request every {@code 1/perSecond} for {@code duration}, each on its own virtual thread,
     * whatever happened to the previous ones (an open loop). Latency counts from when the request was
     * due, not from when it was sent, so a gateway that falls behind shows it in its percentiles
     * instead of hiding it (coordinated omission).
     */
    static Measurement fixedRate(ChatCalls.Call call, int perSecond, Duration duration) {
        Recording recording = new Recording();
        AtomicInteger inFlight = new AtomicInteger();
        long interval = 1_000_000_000L / perSecond;
        CpuMeter.Reading cpu = CpuMeter.now();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long due = start; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    recording.failed("more than " + MAX_IN_FLIGHT + " requests in flight");
                    continue;
                }
                long dueAt = due;
                inFlight.incrementAndGet();
                threads.submit(() -> {
                    try {
                        recording.record(dueAt, send(call));
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
        }
        return recording.result(System.nanoTime() - start, CpuMeter.now().since(cpu));
    }

    private static ChatCalls.Outcome send(ChatCalls.Call call) {
        try {
            return call.send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChatCalls.Outcome.failed("interrupted");
        } catch (Exception e) {
            return ChatCalls.Outcome.failed(e.toString());
        }
    }

    /** Thread-safe counters and histograms of one run. */
    private static final class Recording {
        private final Histogram latency = new ConcurrentHistogram(MAX_MICROS, 3);
        private final Histogram ttft = new ConcurrentHistogram(MAX_MICROS, 3);
        private final LongAdder ok = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();

        void record(long startedNanos, ChatCalls.Outcome outcome) {
            long now = System.nanoTime();
            if (!outcome.ok()) {
                failed(outcome.failure());
                return;
            }
            ok.increment();
            latency.recordValue(Math.min(MAX_MICROS, (now - startedNanos) / 1_000));
            if (outcome.firstTokenNanos() > 0) {
                ttft.recordValue(Math.min(MAX_MICROS, (outcome.firstTokenNanos() - startedNanos) / 1_000));
            }
        }

        void failed(String why) {
            failed.increment();
            firstFailure.compareAndSet(null, why);
        }

        Measurement result(long elapsedNanos, CpuMeter.Spent cpu) {
            return new Measurement(
                    ok.sum(), failed.sum(), Duration.ofNanos(elapsedNanos), latency, ttft, firstFailure.get(), cpu);
        }
    }
}

package dev.switchboard.simulator;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The simulated passing of time. Requests run on virtual threads, so sleeping costs no platform
 * thread. {@code zero-latency} skips every pause (benchmarks, tests) but not the {@code timeout}
 * fault, which only ends early when the application shuts down, so it never holds up a graceful
 * shutdown.
 */
@Component
@ConditionalOnSimulator
class Pacer implements SmartLifecycle {

    private static final Duration SLICE = Duration.ofMillis(100);

    private final boolean zeroLatency;
    private volatile boolean running;

    Pacer(SimulatorProperties properties) {
        this.zeroLatency = properties.zeroLatency();
    }

    /** Waits {@code duration} (unless latency is zeroed); false when interrupted, so the caller stops. */
    boolean pause(Duration duration) {
        if (zeroLatency || duration.isZero() || duration.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Hangs for {@code duration}, or until interrupted or the application stops. */
    void hang(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (running && System.nanoTime() < deadline) {
                Thread.sleep(SLICE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

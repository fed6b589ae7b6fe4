package dev.switchboard.procurement;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Refreshes the {@link SpendTracker} every {@code switchboard.procurement.refresh-interval} on one
 * daemon thread. A failed refresh (database away) is logged and the last picture kept; the next tick
 * tries again. Nothing is buffered in memory that the ledger does not already hold, so stopping loses
 * nothing.
 */
@Component
class ProcurementRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcurementRefresher.class);

    private final SpendTracker tracker;
    private final ProcurementProperties properties;
    private ScheduledExecutorService executor;
    private boolean failing;

    ProcurementRefresher(SpendTracker tracker, ProcurementProperties properties) {
        this.tracker = tracker;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("procurement-refresh").factory());
        long millis = properties.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void tick() {
        try {
            tracker.refresh();
            if (failing) {
                log.info("provider balances are being refreshed again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                // once per outage, not once a second
                log.warn("refreshing provider balances failed; the last known balances stay in use", e);
                failing = true;
            }
        }
    }
}

package dev.switchboard.ratelimit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link RateLimiter#sync} every refresh interval on one daemon thread, and removes the node from
 * the live nodes when the application stops. Its phase puts it outside the web server: it starts before
 * the server takes requests and stops after the server has finished them, so the node never serves
 * calls it has not announced. When the database is away the last known limits and shares stay in force.
 */
@Component
class RateLimitSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RateLimitSync.class);

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private ScheduledExecutorService executor;
    private boolean failing;

    RateLimitSync(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        tick();
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("rate-limit-sync").factory());
        long millis = properties.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        executor = null;
        try {
            limiter.leave();
        } catch (RuntimeException e) {
            log.warn("could not remove this gateway node from the live nodes; it expires by itself", e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // the web server starts at DEFAULT_PHASE - 2048 and shuts down gracefully at DEFAULT_PHASE - 1024
        return DEFAULT_PHASE - 4096;
    }

    private void tick() {
        try {
            limiter.sync();
            if (failing) {
                log.info("rate limits are being refreshed again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("refreshing rate limits failed; the last known limits and shares stay in force", e);
                failing = true;
            }
        }
    }
}

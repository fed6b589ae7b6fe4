package dev.switchboard.budget;

import dev.switchboard.budget.CounterStore.HoldRow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Releases holds nobody settled before they expired (a crashed node, a lost settlement), so budget
 * never leaks; and re-publishes alerts whose notification a crashed node never posted. Any number of
 * nodes may sweep at once: each expired hold is deleted, and so taken off its counter, by exactly one.
 */
final class ReservationSweeper {

    static final int CHUNK = 500;
    /** An alert younger than this is still being published by the node that recorded it. */
    static final Duration ALERT_GRACE = Duration.ofMinutes(1);

    private final Engine engine;
    private final AlertPublisher alerts;

    ReservationSweeper(Engine engine, AlertPublisher alerts) {
        this.engine = engine;
        this.alerts = alerts;
    }

    /** Releases every hold expired by the engine's clock; the number of reservations released. */
    int sweep() {
        Instant now = engine.clock().instant();
        int released = 0;
        while (true) {
            List<HoldRow> rows = engine.tx().execute(status -> sweepChunk(now));
            released +=
                    (int) rows.stream().map(HoldRow::reservationId).distinct().count();
            if (rows.size() < CHUNK) { // the chunk picks up to CHUNK rows (and the rest of their reservations)
                return released;
            }
        }
    }

    private List<HoldRow> sweepChunk(Instant now) {
        List<HoldRow> rows = engine.store().deleteExpired(now, CHUNK);
        engine.store()
                .unreserve(rows.stream()
                        .collect(Collectors.groupingBy(
                                HoldRow::period, LinkedHashMap::new, Collectors.summingLong(HoldRow::amount))));
        return rows;
    }

    /** Publishes again the alerts recorded over a minute ago and still not notified. */
    void republishAlerts() {
        alerts.publish(engine.store().unnotifiedAlerts(engine.clock().instant().minus(ALERT_GRACE), 100));
    }
}

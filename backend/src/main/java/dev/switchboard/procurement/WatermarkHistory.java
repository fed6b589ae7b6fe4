package dev.switchboard.procurement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.OptionalLong;

/**
 * When this node saw which ledger id as the highest. Ledger ids are drawn in increasing order, but the
 * rows become visible in commit order, so a lower id can still appear after a higher one was seen.
 * Once {@code lag} has passed since an id was seen as the highest, every lower id was drawn at least
 * that long ago and, ledger writes being short transactions, is committed (or rolled back for good):
 * the ledger up to that id is settled and can be folded into running totals. Times come from this
 * node's clock only, so clock skew between nodes does not matter. Not thread-safe: the refresher owns it.
 */
final class WatermarkHistory {

    private record Seen(Instant at, long maxLedgerId) {}

    private final ArrayDeque<Seen> seen = new ArrayDeque<>();

    /** Records that {@code maxLedgerId} was the highest visible id when a read finished at {@code at}. */
    void observed(Instant at, long maxLedgerId) {
        Seen last = seen.peekLast();
        if (last != null && (last.maxLedgerId() == maxLedgerId || at.isBefore(last.at()))) {
            // nothing new (keep the older sighting: it settles sooner), or the clock went back
            return;
        }
        seen.addLast(new Seen(at, maxLedgerId));
    }

    /** The highest id seen at least {@code lag} before {@code now}, if any; older sightings are dropped. */
    OptionalLong settled(Instant now, Duration lag) {
        Instant cutoff = now.minus(lag);
        Seen newestSettled = null;
        while (!seen.isEmpty() && !seen.peekFirst().at().isAfter(cutoff)) {
            newestSettled = seen.pollFirst();
        }
        if (newestSettled == null) {
            return OptionalLong.empty();
        }
        // keep it: it stays the answer until a newer sighting settles
        seen.addFirst(newestSettled);
        return OptionalLong.of(newestSettled.maxLedgerId());
    }

    int size() {
        return seen.size();
    }
}

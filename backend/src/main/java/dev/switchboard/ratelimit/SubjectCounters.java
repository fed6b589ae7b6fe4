package dev.switchboard.ratelimit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The counters of one limited subject on this node: the current minute's requests and tokens, and the
 * requests in flight. A new minute replaces a window with a compare-and-set, so nothing ever locks.
 */
final class SubjectCounters {

    private final AtomicReference<Window> requests = new AtomicReference<>(new Window(Long.MIN_VALUE));
    private final AtomicReference<Window> tokens = new AtomicReference<>(new Window(Long.MIN_VALUE));
    private final AtomicLong inFlight = new AtomicLong();

    Window requests(long minute) {
        return current(requests, minute);
    }

    Window tokens(long minute) {
        return current(tokens, minute);
    }

    /** Takes a concurrency slot if fewer than {@code max} are taken. */
    boolean tryEnter(long max) {
        while (true) {
            long current = inFlight.get();
            if (current >= max) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    long inFlight() {
        return inFlight.get();
    }

    private static Window current(AtomicReference<Window> ref, long minute) {
        while (true) {
            Window window = ref.get();
            if (window.index >= minute) {
                // this minute's window, or a later one another thread already opened (its clock ran ahead)
                return window;
            }
            Window next = new Window(minute);
            if (ref.compareAndSet(window, next)) {
                return next;
            }
        }
    }
}

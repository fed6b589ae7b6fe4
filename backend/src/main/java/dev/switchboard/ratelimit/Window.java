package dev.switchboard.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/** What was used in one calendar minute (requests or tokens) on this node. Lock-free. */
final class Window {

    final long index;
    private final AtomicLong used = new AtomicLong();

    Window(long index) {
        this.index = index;
    }

    /** Adds {@code amount} if the total stays within {@code limit}; false (and nothing added) otherwise. */
    boolean tryAdd(long amount, long limit) {
        while (true) {
            long current = used.get();
            if (current + amount > limit) {
                return false;
            }
            if (used.compareAndSet(current, current + amount)) {
                return true;
            }
        }
    }

    /** Adds (or, negative, gives back) unconditionally: corrections after the fact. */
    void add(long amount) {
        used.addAndGet(amount);
    }

    long used() {
        return used.get();
    }
}

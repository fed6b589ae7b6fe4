package dev.switchboard.ratelimit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission of one call by the {@link RateLimiter}. It holds a concurrency slot of every limited
 * subject and the call's estimated tokens until {@link #complete} is called; call it exactly when the
 * call ends, on every path (success, upstream failure, client gone), e.g. in a {@code finally}.
 */
public final class Permit {

    /**
     * What the permit took from one subject.
     *
     * @param slot whether it holds a concurrency slot
     * @param requests the request window it counted in, {@code null} if requests are not limited
     * @param tokens the token window it charged the estimate to, {@code null} if tokens are not limited
     */
    record Hold(SubjectCounters counters, boolean slot, Window requests, Window tokens) {

        /** Gives back everything, as if the call had never been admitted. */
        void undo(long tokensTaken) {
            if (slot) {
                counters.leave();
            }
            if (requests != null) {
                requests.add(-1);
            }
            if (tokens != null) {
                tokens.add(-tokensTaken);
            }
        }
    }

    private final List<Hold> holds;
    private final long estimatedTokens;
    private final Clock clock;
    private final AtomicBoolean completed = new AtomicBoolean();

    Permit(List<Hold> holds, long estimatedTokens, Clock clock) {
        this.holds = List.copyOf(holds);
        this.estimatedTokens = estimatedTokens;
        this.clock = clock;
    }

    /** The tokens charged at admission (prompt estimate plus max tokens). */
    public long estimatedTokens() {
        return estimatedTokens;
    }

    public boolean completed() {
        return completed.get();
    }

    /**
     * Ends the call: frees its concurrency slots and replaces the token estimate with {@code
     * actualTokens} (0 for a call that consumed nothing). Tokens used beyond the estimate are charged to
     * the current minute; unused ones are given back to the minute they were taken from (if that minute
     * is over, there is nothing left to give back). Only the first call counts; later ones do nothing.
     */
    public void complete(long actualTokens) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        long difference = Math.max(0, actualTokens) - estimatedTokens;
        long minute = -1;
        for (Hold hold : holds) {
            if (hold.slot()) {
                hold.counters().leave();
            }
            if (hold.tokens() == null || difference == 0) {
                continue;
            }
            if (difference < 0) {
                hold.tokens().add(difference);
            } else {
                minute = minute < 0 ? Enforcer.minute(clock.millis()) : minute;
                hold.counters().tokens(minute).add(difference);
            }
        }
    }
}

package dev.switchboard.gateway;

import dev.switchboard.ratelimit.Permit;

/**
 * What a call was admitted with before it went upstream: its rate-limit permit (a concurrency slot
 * and the tokens taken from the per-minute windows). Settlement completes it with the tokens the call
 * really used; {@link #close()} completes it with the estimate when the call ended some other way.
 * Completing is idempotent, so the first of both wins.
 */
final class Admission implements AutoCloseable {

    /** For calls that are not limited (internal bookkeeping of failed requests). */
    static final Admission NONE = new Admission(null);

    private final Permit permit;

    Admission(Permit permit) {
        this.permit = permit;
    }

    /** The call is settled: its slot is free and the token windows hold what it really used. */
    void settled(long actualTokens) {
        if (permit != null) {
            permit.complete(actualTokens);
        }
    }

    @Override
    public void close() {
        if (permit != null) {
            permit.complete(permit.estimatedTokens());
        }
    }
}

package dev.switchboard.ratelimit;

import dev.switchboard.platform.SwitchboardException;
import java.time.Duration;

/**
 * A call was refused because a rate limit is reached (HTTP 429 with {@code Retry-After}).
 *
 * @see #limit() which kind of limit
 * @see #limitValue() the limit as configured for the whole cluster
 */
public final class RateLimitedException extends SwitchboardException.TooManyRequests {

    private final RateLimitSubject subject;
    private final LimitKind limit;
    private final long limitValue;

    RateLimitedException(
            RateLimitSubject subject, LimitKind limit, long limitValue, Duration retryAfter, String detail) {
        super(message(subject, limit, limitValue, retryAfter, detail), retryAfter);
        this.subject = subject;
        this.limit = limit;
        this.limitValue = limitValue;
    }

    /** The API key or org unit whose limit was reached. */
    public RateLimitSubject subject() {
        return subject;
    }

    public LimitKind limit() {
        return limit;
    }

    /** The configured limit (requests or tokens per minute, or concurrent requests). */
    public long limitValue() {
        return limitValue;
    }

    private static String message(
            RateLimitSubject subject, LimitKind limit, long value, Duration retryAfter, String detail) {
        String what = switch (limit) {
            case REQUESTS_PER_MINUTE -> value + " requests per minute";
            case TOKENS_PER_MINUTE -> value + " tokens per minute";
            case CONCURRENT_REQUESTS -> value + " concurrent requests";
        };
        return "rate limit of " + subject + " reached: " + what + (detail == null ? "" : " (" + detail + ")")
                + "; retry after " + retryAfter.toSeconds() + " s";
    }
}

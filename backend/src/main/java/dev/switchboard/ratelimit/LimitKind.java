package dev.switchboard.ratelimit;

/** The kinds of rate limit. */
public enum LimitKind {
    /** Requests admitted per calendar minute. */
    REQUESTS_PER_MINUTE,
    /** Tokens per calendar minute: estimated at admission, corrected with the actual usage afterwards. */
    TOKENS_PER_MINUTE,
    /** Requests in flight at the same time. */
    CONCURRENT_REQUESTS
}

package dev.switchboard.ratelimit;

/**
 * The limits set on one subject, cluster-wide; 0 = no limit of that kind.
 */
record Limits(long requestsPerMinute, long tokensPerMinute, long maxConcurrent) {

    Limits {
        if (requestsPerMinute < 0 || tokensPerMinute < 0 || maxConcurrent < 0) {
            throw new IllegalArgumentException("limits are never negative");
        }
    }

    static long orNone(Long value) {
        return value == null ? 0 : value;
    }

    long value(LimitKind kind) {
        return switch (kind) {
            case REQUESTS_PER_MINUTE -> requestsPerMinute;
            case TOKENS_PER_MINUTE -> tokensPerMinute;
            case CONCURRENT_REQUESTS -> maxConcurrent;
        };
    }
}

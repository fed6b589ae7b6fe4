package dev.switchboard.ratelimit;

import dev.switchboard.platform.SwitchboardException;

/** No limit is set on the subject. */
public final class RateLimitNotFoundException extends SwitchboardException.NotFound {
    public RateLimitNotFoundException(RateLimitSubject subject) {
        super("no rate limit is set on " + subject);
    }
}

package dev.switchboard.ratelimit;

import dev.switchboard.platform.SwitchboardException;

/** A rate limit field breaks a rule. */
public final class RateLimitValidationException extends SwitchboardException.InvalidInput {
    public RateLimitValidationException(String field, String message) {
        super(field, message);
    }
}

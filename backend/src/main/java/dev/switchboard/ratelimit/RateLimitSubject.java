package dev.switchboard.ratelimit;

import java.util.Objects;
import java.util.UUID;

/**
 * What a limit is set on: an API key, or an org unit (whose limit its whole subtree shares).
 *
 * @param id the key's or the unit's id
 */
public record RateLimitSubject(Kind kind, UUID id) {

    public enum Kind {
        API_KEY,
        ORG_UNIT
    }

    public RateLimitSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static RateLimitSubject apiKey(UUID id) {
        return new RateLimitSubject(Kind.API_KEY, id);
    }

    public static RateLimitSubject orgUnit(UUID id) {
        return new RateLimitSubject(Kind.ORG_UNIT, id);
    }

    @Override
    public String toString() {
        return (kind == Kind.API_KEY ? "API key " : "org unit ") + id;
    }
}

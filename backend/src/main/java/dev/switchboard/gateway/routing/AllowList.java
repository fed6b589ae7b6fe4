package dev.switchboard.gateway.routing;

import java.util.HashSet;
import java.util.Set;

/** Either "anything" or an explicit set of allowed values (possibly empty: nothing allowed). */
public record AllowList(boolean any, Set<String> values) {

    public static final AllowList ANY = new AllowList(true, Set.of());

    public AllowList {
        values = any ? Set.of() : Set.copyOf(values);
    }

    public static AllowList only(Set<String> values) {
        return new AllowList(false, values);
    }

    public boolean permits(String value) {
        return any || values.contains(value);
    }

    /** What both allow. */
    public AllowList and(AllowList other) {
        if (any) {
            return other;
        }
        if (other.any) {
            return this;
        }
        Set<String> both = new HashSet<>(values);
        both.retainAll(other.values);
        return only(both);
    }
}

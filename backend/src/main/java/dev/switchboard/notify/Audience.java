package dev.switchboard.notify;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.UserId;
import java.util.Objects;

/** Who a notification is for. */
public sealed interface Audience {

    /**
     * An org unit: its members and the members of the units above it see it (a department's people
     * see their teams' alerts), as do platform admins and finance.
     */
    record Unit(OrgUnitId orgUnitId) implements Audience {
        public Unit {
            Objects.requireNonNull(orgUnitId, "orgUnitId");
        }
    }

    /** One person. */
    record Person(UserId userId) implements Audience {
        public Person {
            Objects.requireNonNull(userId, "userId");
        }
    }
}

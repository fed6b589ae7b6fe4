package dev.switchboard.budget;

import dev.switchboard.org.OrgUnitId;
import java.util.Objects;
import java.util.UUID;

/** What a budget limits: the calls charged to an org unit (and the units below it), or one API key. */
public sealed interface BudgetScope {

    /** Calls charged to this unit or to any unit below it (a department budget covers its teams). */
    record Unit(OrgUnitId orgUnitId) implements BudgetScope {
        public Unit {
            Objects.requireNonNull(orgUnitId, "orgUnitId");
        }
    }

    /** Calls made with this API key. */
    record Key(UUID apiKeyId) implements BudgetScope {
        public Key {
            Objects.requireNonNull(apiKeyId, "apiKeyId");
        }
    }
}

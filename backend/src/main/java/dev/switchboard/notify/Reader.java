package dev.switchboard.notify;

import dev.switchboard.org.UserId;
import java.util.Set;
import java.util.UUID;

/**
 * Who is reading and what they may see.
 *
 * @param name the principal's name, under which read marks are kept
 * @param userId the reader's account, {@code null} for the master key
 * @param allUnits sees the notifications of every org unit (platform admins, finance)
 * @param units the org units whose notifications the reader sees otherwise
 */
record Reader(String name, UserId userId, boolean allUnits, Set<UUID> units) {

    Reader {
        units = Set.copyOf(units);
    }

    boolean sees(Audience audience) {
        return switch (audience) {
            case Audience.Person p -> p.userId().equals(userId);
            case Audience.Unit u -> allUnits || units.contains(u.orgUnitId().value());
        };
    }
}

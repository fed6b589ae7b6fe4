package dev.switchboard.org;

/** The rules for an org unit's display name, shared by create and rename. */
final class OrgUnitName {

    static final int MAX_LENGTH = 100;

    private OrgUnitName() {}

    /** Returns the trimmed name or throws a validation error naming the field. */
    static String normalize(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new OrgValidationException("name", "must not be blank");
        }
        if (name.length() > MAX_LENGTH) {
            throw new OrgValidationException("name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new OrgValidationException("name", "must not contain control characters");
        }
        return name;
    }
}

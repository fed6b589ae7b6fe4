package dev.switchboard.procurement;

/** The rules for the free-text fields of accounts and entries. */
final class Texts {

    static final int REFERENCE_MAX = 200;
    static final int NOTE_MAX = 1000;

    private Texts() {}

    static String required(String field, String value, int max) {
        String stripped = optional(field, value, max);
        if (stripped == null) {
            throw new ProcurementValidationException(field, "must not be blank");
        }
        return stripped;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new ProcurementValidationException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }
}

package dev.switchboard.budget;

import java.util.Arrays;
import java.util.Locale;

/** What happens when a call would take a budget over its limit. */
public enum Enforcement {
    /** The call is refused (the gateway answers 402). */
    HARD,
    /** The call goes through; only the thresholds alert. */
    SOFT;

    static Enforcement parse(String field, String value) {
        return Arrays.stream(values())
                .filter(e -> e.name().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> new BudgetValidationException(
                        field, "'" + value + "' is not one of " + Arrays.toString(values())));
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

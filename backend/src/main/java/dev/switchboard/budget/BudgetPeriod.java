package dev.switchboard.budget;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a budget's amount renews. Periods are calendar-aligned in the configured time zone ({@code
 * switchboard.budget.time-zone}); the budget applies from the start of {@link #startsOn()} on.
 */
public sealed interface BudgetPeriod {

    int MAX_CUSTOM_DAYS = 3660;

    /** The first day the budget applies (in the configured time zone). */
    LocalDate startsOn();

    Kind kind();

    /** The kinds of period, as the REST API and the database name them. */
    enum Kind {
        MONTHLY,
        QUARTERLY,
        CUSTOM,
        ONE_OFF;

        static Kind parse(String field, String value) {
            return Arrays.stream(values())
                    .filter(k -> k.name().equalsIgnoreCase(value == null ? "" : value.strip()))
                    .findFirst()
                    .orElseThrow(() -> new BudgetValidationException(
                            field, "'" + value + "' is not one of " + Arrays.toString(values())));
        }
    }

    /** Builds a period of {@code kind}; {@code customDays} is required for CUSTOM and refused otherwise. */
    static BudgetPeriod of(Kind kind, Integer customDays, LocalDate startsOn) {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.CUSTOM && customDays != null) {
            throw new BudgetValidationException("customDays", "only a CUSTOM period has a length in days");
        }
        return switch (kind) {
            case MONTHLY -> new Monthly(startsOn);
            case QUARTERLY -> new Quarterly(startsOn);
            case ONE_OFF -> new OneOff(startsOn);
            case CUSTOM -> {
                if (customDays == null) {
                    throw new BudgetValidationException("customDays", "a CUSTOM period needs its length in days");
                }
                yield new Custom(startsOn, customDays);
            }
        };
    }

    /** Calendar months: the 1st, 00:00, to the 1st of the next month. */
    record Monthly(LocalDate startsOn) implements BudgetPeriod {
        public Monthly {
            Objects.requireNonNull(startsOn, "startsOn");
        }

        @Override
        public Kind kind() {
            return Kind.MONTHLY;
        }
    }

    /** Calendar quarters: January, April, July and October 1st, 00:00. */
    record Quarterly(LocalDate startsOn) implements BudgetPeriod {
        public Quarterly {
            Objects.requireNonNull(startsOn, "startsOn");
        }

        @Override
        public Kind kind() {
            return Kind.QUARTERLY;
        }
    }

    /** Back-to-back periods of {@code days} days each, the first one beginning on {@code startsOn}. */
    record Custom(LocalDate startsOn, int days) implements BudgetPeriod {
        public Custom {
            Objects.requireNonNull(startsOn, "startsOn");
            if (days < 1 || days > MAX_CUSTOM_DAYS) {
                throw new BudgetValidationException("customDays", "must be between 1 and " + MAX_CUSTOM_DAYS);
            }
        }

        @Override
        public Kind kind() {
            return Kind.CUSTOM;
        }
    }

    /** One period from {@code startsOn} on that never resets (archive the budget to end it). */
    record OneOff(LocalDate startsOn) implements BudgetPeriod {
        public OneOff {
            Objects.requireNonNull(startsOn, "startsOn");
        }

        @Override
        public Kind kind() {
            return Kind.ONE_OFF;
        }
    }
}

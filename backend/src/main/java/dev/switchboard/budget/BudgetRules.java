package dev.switchboard.budget;

import dev.switchboard.platform.Money;
import java.util.List;
import java.util.TreeSet;

/** The rules every budget's fields follow, whether created, changed or read back. */
final class BudgetRules {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_THRESHOLDS = 10;
    static final int MAX_THRESHOLD_PERCENT = 1000;

    private BudgetRules() {}

    static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new BudgetValidationException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }

    static Money amount(Money amount) {
        if (amount == null) {
            throw new BudgetValidationException("amountMicros", "is required");
        }
        if (amount.micros() <= 0) {
            throw new BudgetValidationException("amountMicros", "must be positive");
        }
        return amount;
    }

    /** Distinct percentages, ascending; {@code null} means none given (callers pick the defaults). */
    static List<Integer> thresholds(List<Integer> percents) {
        if (percents.size() > MAX_THRESHOLDS) {
            throw new BudgetValidationException("thresholds", "at most " + MAX_THRESHOLDS + " thresholds");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer p : percents) {
            if (p == null || p < 1 || p > MAX_THRESHOLD_PERCENT) {
                throw new BudgetValidationException(
                        "thresholds", "each threshold is a percentage from 1 to " + MAX_THRESHOLD_PERCENT);
            }
            if (!sorted.add(p)) {
                throw new BudgetValidationException("thresholds", p + " % is listed twice");
            }
        }
        return List.copyOf(sorted);
    }
}

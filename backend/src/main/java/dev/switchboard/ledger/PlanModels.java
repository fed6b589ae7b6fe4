package dev.switchboard.ledger;

import java.util.regex.Pattern;

/** The model names a plan may price: the catalog's public model names. */
final class PlanModels {

    // the catalog's rule for public model names (catalog.ModelName, package-private there)
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    private PlanModels() {}

    static String check(String model) {
        String value = model == null ? "" : model.strip();
        if (!NAME.matcher(value).matches()) {
            throw new LedgerValidationException(
                    "model", "must be 1-128 letters, digits and . _ : / - (starting with a letter or digit)");
        }
        return value;
    }
}

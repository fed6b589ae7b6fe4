package dev.switchboard.catalog;

import java.util.regex.Pattern;

/** The public model name callers ask for; several providers may serve the same name. */
final class ModelName {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    private ModelName() {}

    static String check(String name) {
        String value = name == null ? "" : name.strip();
        if (!NAME.matcher(value).matches()) {
            throw new CatalogValidationException(
                    "modelName", "must be 1-128 letters, digits and . _ : / - (starting with a letter or digit)");
        }
        // these are routing requests, not model names (see the router's aliases)
        if (value.equals("auto") || value.startsWith("tier:")) {
            throw new CatalogValidationException("modelName", "'" + value + "' is reserved for routing");
        }
        return value;
    }
}

package dev.switchboard.catalog;

import java.util.regex.Pattern;

/** Identifies a provider by a readable slug ({@code openai}, {@code deepseek}, {@code sim-fast}). */
public record ProviderId(String value) {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ProviderId {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new CatalogValidationException(
                    "id", "a provider id is 1-63 lower-case letters, digits and dashes, not '" + value + "'");
        }
    }

    public static ProviderId of(String value) {
        return new ProviderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

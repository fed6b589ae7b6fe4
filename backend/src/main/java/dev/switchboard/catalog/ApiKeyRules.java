package dev.switchboard.catalog;

/** What an upstream API key may look like before it is sealed. */
final class ApiKeyRules {

    private ApiKeyRules() {}

    /** The key without surrounding blanks; {@code null} when none is given. */
    static String normalise(String apiKey) {
        if (apiKey == null) {
            return null;
        }
        String key = apiKey.strip();
        if (key.isEmpty() || key.length() > 1000 || key.chars().anyMatch(Character::isISOControl)) {
            throw new CatalogValidationException("apiKey", "must be 1-1000 printable characters");
        }
        return key;
    }
}

package dev.switchboard.apikey;

/**
 * A key just created, with its secret: the only moment the secret exists outside the caller's hands.
 * Only its SHA-256 is stored; it cannot be shown again.
 */
public record CreatedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=***]";
    }
}

package dev.switchboard.apikey;

import java.util.Objects;
import java.util.UUID;

/** Identifies an API key (not the secret: the id is safe to show and log). */
public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId of(String value) {
        return new ApiKeyId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.switchboard.apikey;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a key is accepted now. Revocation wins over expiry. */
public enum ApiKeyStatus {
    ACTIVE,
    REVOKED,
    EXPIRED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

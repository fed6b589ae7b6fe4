package dev.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The quality class of a deployment; callers may ask for a tier ({@code tier:economy}) instead of a model. */
public enum Tier {
    FRONTIER,
    STANDARD,
    ECONOMY;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static Tier fromCode(String code) {
        return Codes.parse(Tier.class, code, "tier", Tier::code);
    }
}

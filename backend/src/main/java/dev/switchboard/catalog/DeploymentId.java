package dev.switchboard.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies one deployment: a model served by one provider. */
public record DeploymentId(UUID value) {

    public DeploymentId {
        Objects.requireNonNull(value, "value");
    }

    public static DeploymentId of(String value) {
        return new DeploymentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.switchboard.catalog;

import java.util.Objects;

/** A model to offer through a provider; the public name is unique per provider. */
public record NewDeployment(ProviderId providerId, String modelName, DeploymentSettings settings) {

    public NewDeployment {
        if (providerId == null) {
            throw new CatalogValidationException("providerId", "must be given");
        }
        modelName = ModelName.check(modelName);
        Objects.requireNonNull(settings, "settings");
    }
}

package dev.switchboard.catalog;

import java.util.Objects;

/**
 * A provider to add to the catalog.
 *
 * @param apiKey the upstream credential, encrypted before it is stored; {@code null} for none yet
 * @param simulated whether it is one of the built-in simulators (always shown as such)
 */
public record NewProvider(ProviderId id, ProviderSettings settings, String apiKey, boolean enabled, boolean simulated) {

    public NewProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        apiKey = ApiKeyRules.normalise(apiKey);
    }

    @Override
    public String toString() {
        return "NewProvider[id=" + id + ", settings=" + settings + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", enabled=" + enabled + ", simulated=" + simulated + "]";
    }
}

package dev.switchboard.ui.gateway;

import dev.switchboard.catalog.Deployment;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.Provider;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** One deployment as the models grid shows it: with its provider and the price in force now, if any. */
record ModelRow(Deployment deployment, Provider provider, Price price) {

    Optional<Price> currentPrice() {
        return Optional.ofNullable(price);
    }

    boolean simulated() {
        return provider.simulated();
    }

    /** Whether the router may pick it: both the deployment and its provider must be enabled. */
    String status() {
        if (!provider.enabled()) {
            return "Provider disabled";
        }
        return deployment.enabled() ? "Enabled" : "Disabled";
    }

    boolean usable() {
        return provider.enabled() && deployment.enabled();
    }

    /** A case-insensitive match on what people search by: model, provider, tier, capability. */
    boolean matches(String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return true;
        }
        return Stream.of(
                        deployment.modelName(),
                        deployment.upstreamModelId(),
                        provider.id().value(),
                        provider.displayName(),
                        Formats.tier(deployment.tier()),
                        Formats.capabilities(deployment.capabilities()),
                        simulated() ? Badges.SIMULATED : "")
                .filter(text -> text != null)
                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
    }
}

package dev.switchboard.ui.prompt;

import dev.switchboard.catalog.Capability;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The names the router understands for a chat, as the catalog has them now: routing names first, then
 * every chat model, then each model pinned to one provider ({@code sim-fast/sim-chat}) for side-by-side
 * comparisons of providers. Embedding models cannot answer a prompt and are left out.
 */
final class ModelNames {

    static final List<String> ROUTING = List.of("auto", "tier:economy", "tier:standard", "tier:frontier");

    private ModelNames() {}

    static List<String> of(Catalog catalog) {
        List<Deployment> chat = catalog.deployments().stream()
                .filter(Deployment::enabled)
                .filter(d -> !d.supports(Capability.EMBEDDINGS))
                .toList();
        List<String> names = new ArrayList<>(ROUTING);
        Stream.concat(
                        chat.stream().map(Deployment::modelName).distinct().sorted(),
                        chat.stream()
                                .map(d -> d.providerId() + "/" + d.modelName())
                                .distinct()
                                .sorted())
                .forEach(names::add);
        return names;
    }
}

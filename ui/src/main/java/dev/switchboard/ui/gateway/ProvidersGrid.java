package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.switchboard.catalog.ProtocolFamily;
import dev.switchboard.catalog.Provider;
import dev.switchboard.catalog.ProviderId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The providers: who they are, where they run, whether the router may use them. */
final class ProvidersGrid extends Grid<Provider> {

    ProvidersGrid() {
        super(Provider.class, false);
        setId("providers-grid");
        addComponentColumn(ProvidersGrid::name)
                .setHeader("Provider")
                .setKey("provider")
                .setFlexGrow(3);
        addColumn(p -> p.id().value()).setHeader("Id").setKey("id");
        addColumn(p -> p.protocol().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .setHeader("Protocol")
                .setKey("protocol");
        addColumn(p -> p.region() + " / " + p.jurisdiction())
                .setHeader("Region / jurisdiction")
                .setKey("region");
        addColumn(ProvidersGrid::apiKey).setHeader("API key").setKey("apiKey");
        addComponentColumn(p -> p.enabled() ? Badges.good("Enabled") : Badges.neutral("Disabled"))
                .setHeader("Status")
                .setKey("status");
        setAllRowsVisible(true);
    }

    /** Shows {@code providers}, keeping the selected provider selected by id. */
    void show(List<Provider> providers) {
        Optional<ProviderId> selected = selected().map(Provider::id);
        List<Provider> sorted = providers.stream()
                .sorted(Comparator.comparing(Provider::simulated)
                        .reversed()
                        .thenComparing(Provider::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        setItems(sorted);
        selected.flatMap(id -> sorted.stream().filter(p -> p.id().equals(id)).findFirst())
                .ifPresent(this::select);
    }

    Optional<Provider> selected() {
        return getSelectedItems().stream().findFirst();
    }

    private static HorizontalLayout name(Provider provider) {
        HorizontalLayout cell = new HorizontalLayout(new Span(provider.displayName()));
        cell.setSpacing(true);
        cell.setPadding(false);
        if (provider.simulated()) {
            cell.add(Badges.simulated());
        }
        return cell;
    }

    private static String apiKey(Provider provider) {
        if (provider.simulated() || provider.protocol() == ProtocolFamily.IN_PROCESS) {
            return "not needed";
        }
        return provider.hasApiKey() ? "set" : "missing";
    }
}

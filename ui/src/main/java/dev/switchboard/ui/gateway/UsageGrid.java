package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.switchboard.ledger.UsageEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Ledger rows, newest first, with org unit and key names resolved and simulated providers marked. */
final class UsageGrid extends Grid<UsageEntry> {

    static final String NO_KEY = "no key (console or master key)";

    private Function<UsageEntry, String> unitName = e -> e.orgUnitId().toString();
    private Map<UUID, String> keyNames = Map.of();
    private Set<String> simulatedProviders = Set.of();

    UsageGrid() {
        super(UsageEntry.class, false);
        setId("usage-grid");
        addColumn(e -> Formats.time(e.occurredAt())).setHeader("Time (UTC)").setKey("time");
        addColumn(e -> unitName.apply(e)).setHeader("Org unit").setKey("orgUnit");
        addColumn(this::key).setHeader("Key").setKey("key");
        addComponentColumn(this::provider).setHeader("Provider").setKey("provider");
        addColumn(UsageEntry::model).setHeader("Model").setKey("model");
        addColumn(e -> e.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .setHeader("Status")
                .setKey("status");
        number("input", "Input", e -> Formats.tokens(e.inputTokens()));
        number("cached", "Cached", e -> Formats.tokens(e.cachedTokens()));
        number("output", "Output", e -> Formats.tokens(e.outputTokens()));
        number("wholesale", "Wholesale", e -> Formats.money(e.wholesale()));
        number("retail", "Retail", e -> Formats.money(e.retail()));
        number("latency", "Latency", e -> Formats.millis(e.latencyMillis()));
        number(
                "ttft",
                "TTFT",
                e -> e.timeToFirstTokenMillis() == null ? "" : Formats.millis(e.timeToFirstTokenMillis()));
        addColumn(e -> Formats.chain(e.fallbackChain()))
                .setHeader("Fallback chain")
                .setKey("chain");
        addColumn(UsageEntry::requestId).setHeader("Request").setKey("requestId");
        getColumns().forEach(column -> column.setAutoWidth(true).setResizable(true));
        // auto width does not measure components: leave room for the "Simulated" badge
        getColumnByKey("provider").setAutoWidth(false).setWidth("12rem").setFlexGrow(0);
    }

    void show(
            List<UsageEntry> entries,
            Function<UsageEntry, String> unitName,
            Map<UUID, String> keyNames,
            Set<String> simulatedProviders) {
        this.unitName = unitName;
        this.keyNames = keyNames;
        this.simulatedProviders = simulatedProviders;
        setItems(entries);
    }

    private void number(String key, String header, com.vaadin.flow.function.ValueProvider<UsageEntry, String> text) {
        addColumn(text).setHeader(header).setKey(key).setTextAlign(ColumnTextAlign.END);
    }

    private String key(UsageEntry entry) {
        UUID id = entry.apiKeyId();
        if (id == null) {
            return NO_KEY;
        }
        // keys the reader may not manage are named by the start of their id
        return keyNames.getOrDefault(id, "key " + id.toString().substring(0, 8));
    }

    private HorizontalLayout provider(UsageEntry entry) {
        String id = entry.providerId();
        HorizontalLayout cell = new HorizontalLayout(new Span(id == null ? "none (all failed)" : id));
        cell.setPadding(false);
        if (id != null && simulatedProviders.contains(id)) {
            cell.add(Badges.simulated());
        }
        return cell;
    }
}

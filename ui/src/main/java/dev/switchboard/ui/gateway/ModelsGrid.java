package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.switchboard.catalog.DeploymentId;
import dev.switchboard.catalog.Price;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Every deployment with the wholesale price in force now, per million tokens. Rows of simulated
 * providers carry the "Simulated" badge next to the provider's name.
 */
final class ModelsGrid extends Grid<ModelRow> {

    static final String NO_PRICE = "no price";

    ModelsGrid() {
        super(ModelRow.class, false);
        setId("models-grid");
        addComponentColumn(ModelsGrid::provider)
                .setHeader("Provider")
                .setKey("provider")
                // wide enough for the longest simulator name and its "Simulated" badge
                .setWidth("22rem")
                .setFlexGrow(0);
        addColumn(row -> row.deployment().modelName())
                .setHeader("Model")
                .setKey("model")
                .setFlexGrow(2)
                .setSortable(true);
        addColumn(row -> Formats.tier(row.deployment().tier()))
                .setHeader("Tier")
                .setKey("tier");
        addColumn(row -> Formats.capabilities(row.deployment().capabilities()))
                .setHeader("Capabilities")
                .setKey("capabilities")
                .setFlexGrow(2);
        addColumn(row -> Formats.tokens(row.deployment().contextWindowTokens()))
                .setHeader("Context window")
                .setKey("context");
        addColumn(price(Price::inputMicrosPerMTok)).setHeader("Input / 1M").setKey("input");
        addColumn(price(Price::cachedInputMicrosPerMTok))
                .setHeader("Cached input / 1M")
                .setKey("cached");
        addColumn(price(Price::outputMicrosPerMTok)).setHeader("Output / 1M").setKey("output");
        addComponentColumn(row -> row.usable() ? Badges.good(row.status()) : Badges.neutral(row.status()))
                .setHeader("Status")
                .setKey("status");
    }

    /** Shows {@code rows}, keeping the selected deployment selected by id. */
    void show(List<ModelRow> rows) {
        Optional<DeploymentId> selected = selected().map(row -> row.deployment().id());
        setItems(rows);
        selected.flatMap(id -> rows.stream()
                        .filter(row -> row.deployment().id().equals(id))
                        .findFirst())
                .ifPresent(this::select);
    }

    Optional<ModelRow> selected() {
        return getSelectedItems().stream().findFirst();
    }

    private static com.vaadin.flow.function.ValueProvider<ModelRow, String> price(ToLongFunction<Price> part) {
        return row -> row.currentPrice()
                .map(p -> Formats.perMillion(part.applyAsLong(p), p.currency()))
                .orElse(NO_PRICE);
    }

    private static HorizontalLayout provider(ModelRow row) {
        HorizontalLayout cell = new HorizontalLayout(new Span(row.provider().displayName()));
        cell.setPadding(false);
        if (row.simulated()) {
            cell.add(Badges.simulated());
        }
        return cell;
    }
}

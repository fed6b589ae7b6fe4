package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.PriceList;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Every price a deployment has had and will have, newest first, each marked as replaced, in force
 * or scheduled. Stored prices never change, so this is also the basis of every past charge.
 */
final class PriceHistoryDialog extends Dialog {

    static final String IN_FORCE = "In force";
    static final String SCHEDULED = "Scheduled";
    static final String REPLACED = "Replaced";

    PriceHistoryDialog(PriceList prices, ModelRow row, Instant now) {
        setHeaderTitle("Price history of " + row.deployment().modelName() + " at "
                + row.provider().displayName());
        setWidth("min(70rem, 95vw)");
        List<Price> history = prices.history(row.deployment().id());
        Price inForce = history.stream()
                .filter(p -> !p.effectiveFrom().isAfter(now))
                .reduce((older, newer) -> newer)
                .orElse(null);
        Grid<Price> grid = new Grid<>(Price.class, false);
        grid.setId("price-history");
        grid.addColumn(p -> Formats.time(p.effectiveFrom()))
                .setHeader("Effective from (UTC)")
                .setKey("effectiveFrom");
        grid.addColumn(amount(Price::inputMicrosPerMTok))
                .setHeader("Input / 1M")
                .setKey("input");
        grid.addColumn(amount(Price::cachedInputMicrosPerMTok))
                .setHeader("Cached input / 1M")
                .setKey("cached");
        grid.addColumn(amount(Price::outputMicrosPerMTok))
                .setHeader("Output / 1M")
                .setKey("output");
        grid.addColumn(p -> p.equals(inForce) ? IN_FORCE : p.effectiveFrom().isAfter(now) ? SCHEDULED : REPLACED)
                .setHeader("State")
                .setKey("state");
        grid.addColumn(Price::source).setHeader("Source").setKey("source").setFlexGrow(3);
        grid.setItems(history.reversed());
        grid.setAllRowsVisible(true);
        if (row.simulated()) {
            Paragraph note = new Paragraph("A simulated provider: these prices are illustrative, not market prices.");
            add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(Badges.simulated(), note));
        }
        add(grid);
        Button close = new Button("Close", click -> close());
        close.setId("close-history");
        getFooter().add(close);
    }

    private static com.vaadin.flow.function.ValueProvider<Price, String> amount(ToLongFunction<Price> part) {
        return p -> Formats.perMillion(part.applyAsLong(p), p.currency());
    }
}

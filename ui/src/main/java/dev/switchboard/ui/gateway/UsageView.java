package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.switchboard.apikey.ApiKey;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.Deployment;
import dev.switchboard.catalog.Provider;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.ledger.UsageReport;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * Gateway → Usage: the newest ledger rows and the totals over every matching row, refreshed by
 * polling while the view is open. Platform admins and finance see all usage; everyone else the usage
 * of their org units and the units below ({@code UsageController}'s rule; {@code UsageLedger} itself
 * does not check, so this view must).
 */
@Route(value = "gateway/usage", layout = MainLayout.class)
@PageTitle("Usage | Switchboard")
@PermitAll
public class UsageView extends VerticalLayout {

    static final int POLL_MILLIS = 5_000;
    static final int ROWS = 100;

    private final UsageLedger ledger;
    private final Catalog catalog;
    private final ApiKeys keys;
    private final OrgScopes scopes;
    private final Clock clock;
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Org unit");
    private final ComboBox<String> model = new ComboBox<>("Model");
    private final ComboBox<String> provider = new ComboBox<>("Provider");
    private final Div totals = new Div();
    private final Paragraph updated = new Paragraph();
    private final UsageGrid grid = new UsageGrid();
    private final boolean seesAll;
    private final OrgScopes.Directory units;
    private final List<OrgUnit> readable;
    private Registration polling;

    UsageView(UsageLedger ledger, Catalog catalog, ApiKeys keys, OrgScopes scopes, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.keys = keys;
        this.scopes = scopes;
        this.clock = clock;
        this.seesAll = scopes.seesAllUsage();
        setSizeFull();
        add(new H2("Usage"));
        units = scopes.directory();
        readable = scopes.usageUnits(units);
        if (!seesAll && readable.isEmpty()) {
            Paragraph none = new Paragraph("You are not a member of any org unit, so there is no usage to show."
                    + " Platform admins and finance see all usage.");
            none.setId("usage-no-units");
            add(none);
            return;
        }
        add(filters());
        totals.setId("usage-totals");
        updated.setId("usage-updated");
        updated.addClassName("sb-quiet");
        add(totals, updated);
        addAndExpand(grid);
        refresh();
    }

    private HorizontalLayout filters() {
        unit.setId("usage-unit");
        unit.setItems(readable);
        unit.setItemLabelGenerator(units::label);
        unit.setWidth("18rem");
        if (seesAll) {
            unit.setPlaceholder("All units");
            unit.setClearButtonVisible(true);
        } else {
            // usage is read one unit (and its subtree) at a time: start with the person's own unit
            unit.setValue(scopes.memberUnits(units).stream().findFirst().orElse(readable.getFirst()));
        }
        List<Deployment> deployments = catalog.deployments();
        model.setId("usage-model");
        model.setItems(deployments.stream()
                .map(Deployment::modelName)
                .distinct()
                .sorted()
                .toList());
        model.setPlaceholder("All models");
        model.setClearButtonVisible(true);
        provider.setId("usage-provider");
        provider.setItems(
                catalog.providers().stream().map(p -> p.id().value()).sorted().toList());
        provider.setPlaceholder("All providers");
        provider.setClearButtonVisible(true);
        unit.addValueChangeListener(change -> refresh());
        model.addValueChangeListener(change -> refresh());
        provider.addValueChangeListener(change -> refresh());
        HorizontalLayout bar = new HorizontalLayout(unit, model, provider);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        // nothing to refresh for someone who may read no usage
        if (polling == null && (seesAll || !readable.isEmpty())) {
            attach.getUI().setPollInterval(POLL_MILLIS);
            polling = attach.getUI().addPollListener(poll -> refresh());
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
            detach.getUI().setPollInterval(-1);
        }
        super.onDetach(detach);
    }

    private void refresh() {
        OrgUnit chosen = unit.getValue();
        if (!seesAll && (chosen == null || !readable.contains(chosen))) {
            // never read beyond the person's units, whatever the filter holds
            chosen = readable.getFirst();
            unit.setValue(chosen);
            return;
        }
        UsageReport report = ledger.query(new UsageQuery(
                chosen == null ? null : chosen.id(), null, model.getValue(), provider.getValue(), null, null, ROWS));
        Set<String> simulated = catalog.providers().stream()
                .filter(Provider::simulated)
                .map(p -> p.id().value())
                .collect(Collectors.toSet());
        grid.show(report.entries(), e -> units.label(e.orgUnitId()), keyNames(), simulated);
        showTotals(report.totals());
        updated.setText("Newest " + ROWS + " calls; updated " + Formats.time(clock.instant()) + Formats.UTC_SUFFIX
                + ", refreshed every " + POLL_MILLIS / 1000 + " s while this page is open.");
    }

    private void showTotals(List<UsageReport.Totals> all) {
        totals.removeAll();
        if (all.isEmpty()) {
            totals.add(new Paragraph("No calls match."));
            return;
        }
        for (UsageReport.Totals t : all) {
            Paragraph line = new Paragraph(Formats.tokens(t.calls()) + " calls · "
                    + Formats.tokens(t.inputTokens()) + " input tokens (" + Formats.tokens(t.cachedTokens())
                    + " cached) · " + Formats.tokens(t.outputTokens()) + " output tokens · wholesale "
                    + Formats.money(t.wholesaleMicros(), t.currency()) + " · retail "
                    + Formats.money(t.retailMicros(), t.currency()) + " · margin "
                    + Formats.money(t.marginMicros(), t.currency()));
            line.addClassName("sb-totals");
            totals.add(line);
        }
    }

    /** Names of the keys the reader may manage; others are shown by the start of their id. */
    private Map<UUID, String> keyNames() {
        if (!scopes.managesKeys()) {
            return Map.of();
        }
        try {
            return keys.list(Optional.empty()).stream().collect(Collectors.toMap(k -> k.id().value(), ApiKey::name));
        } catch (AccessDeniedException notAllowed) {
            return Map.of();
        }
    }
}

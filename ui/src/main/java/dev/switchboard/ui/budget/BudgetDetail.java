package dev.switchboard.ui.budget;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.switchboard.apikey.ApiKey;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.chargeback.Chargeback;
import dev.switchboard.chargeback.Statement;
import dev.switchboard.ledger.DailySpend;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * One budget up close: its current period as a chart (spend so far, the burn-rate projection, the
 * limit), the forecast in words, and who spent most in the open chargeback period.
 */
final class BudgetDetail extends VerticalLayout {

    private final UsageLedger ledger;
    private final Chargeback chargeback;
    private final ApiKeys keys;
    private final ZoneId zone;
    private final H3 title = new H3();
    private final Paragraph forecast = new Paragraph();
    private final Div chart = new Div();
    private final H4 consumersTitle = new H4();
    private final Paragraph consumersNote = new Paragraph();
    private final Grid<TopConsumers.Consumer> consumers = new Grid<>();
    private UnitChoices.Units units;
    private Map<UUID, String> keyNames = Map.of();

    BudgetDetail(UsageLedger ledger, Chargeback chargeback, ApiKeys keys, ZoneId zone) {
        this.ledger = ledger;
        this.chargeback = chargeback;
        this.keys = keys;
        this.zone = zone;
        setId("budget-detail");
        setPadding(false);
        title.setId("budget-detail-title");
        forecast.setId("budget-forecast");
        chart.setId("budget-chart");
        chart.setWidthFull();
        chart.getStyle().set("max-width", SpendChart.WIDTH + "px");
        consumersNote.setId("budget-consumers-note");
        consumersNote.addClassName("sb-quiet");
        consumers.setId("budget-top-consumers");
        consumers.setAllRowsVisible(true);
        consumers
                .addColumn(c -> keyLabel(c.apiKeyId()))
                .setHeader("Key")
                .setKey("key")
                .setFlexGrow(2);
        consumers
                .addColumn(c -> units.label(c.projectId()))
                .setHeader("Project")
                .setKey("project");
        consumers.addColumn(TopConsumers.Consumer::model).setHeader("Model").setKey("model");
        consumers.addColumn(c -> Amounts.count(c.calls())).setHeader("Calls").setKey("calls");
        consumers.addColumn(c -> Amounts.count(c.tokens())).setHeader("Tokens").setKey("tokens");
        consumers
                .addColumn(c -> Amounts.money(c.retailMicros(), c.currency()))
                .setHeader("Retail")
                .setKey("retail");
        add(title, forecast, chart, consumersTitle, consumersNote, consumers);
        setVisible(false);
    }

    /** Shows {@code status} as of {@code now}; {@code null} hides the panel. */
    void show(BudgetStatus status, UnitChoices.Units units, Instant now) {
        this.units = units;
        if (status == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        title.setText(status.budget().name());
        BurnRate.Outlook outlook = BurnRate.of(status, now, zone);
        forecast.setText(outlook.sentence());
        chart.removeAll();
        if (status.current() != null) {
            // Svg, not Html: Html builds the root with the DOM API (no SVG namespace, attribute names
            // lower-cased, so nothing would render); Svg lets the browser's parser read the markup
            chart.add(new Svg(SpendChart.svg(chartData(status, outlook, now))));
        }
        showConsumers(status);
    }

    private SpendChart.Data chartData(BudgetStatus status, BurnRate.Outlook outlook, Instant now) {
        BudgetStatus.PeriodUsage period = status.current();
        // a budget counts from its creation: earlier usage of the period is not its spend
        Instant from = period.start().isAfter(status.budget().createdAt())
                ? period.start()
                : status.budget().createdAt();
        Instant to = period.resetsAt();
        List<DailySpend> days = from.isBefore(to == null ? Instant.MAX : to)
                ? ledger.dailySpend(query(status.budget().scope(), from, to), zone)
                : List.of();
        var lastDay = to == null ? Amounts.day(now, zone) : Amounts.lastDay(to, zone);
        return new SpendChart.Data(
                days,
                Amounts.day(period.start(), zone),
                lastDay,
                Amounts.day(now, zone),
                period.limit().micros(),
                outlook.projectedMicros(),
                period.limit().currency().getCurrencyCode());
    }

    private static UsageQuery query(BudgetScope scope, Instant from, Instant to) {
        return switch (scope) {
            case BudgetScope.Unit u -> new UsageQuery(u.orgUnitId(), null, null, null, from, to, 1);
            case BudgetScope.Key k -> new UsageQuery(null, k.apiKeyId(), null, null, from, to, 1);
        };
    }

    private void showConsumers(BudgetStatus status) {
        OrgUnitId unit = status.budget().scope() instanceof BudgetScope.Unit u ? u.orgUnitId() : null;
        if (unit == null) {
            consumersTitle.setText("Top consumers");
            consumersNote.setText("A key's budget has one consumer: the key itself.");
            consumers.setItems(List.of());
            consumers.setVisible(false);
            return;
        }
        Statement statement;
        try {
            statement = chargeback.statement(unit, null);
        } catch (SwitchboardException | AccessDeniedException refused) {
            consumersTitle.setText("Top consumers");
            consumersNote.setText(ExpectedProblems.messageFor(refused).orElseThrow());
            consumers.setVisible(false);
            return;
        }
        keyNames = keyNames();
        List<TopConsumers.Consumer> top = TopConsumers.of(statement.lines(), TopConsumers.TOP);
        consumersTitle.setText("Top consumers, " + statement.period().label() + " (open period)");
        consumersNote.setText(
                top.isEmpty()
                        ? "No calls were charged to " + units.label(unit) + " in this period yet."
                        : "The " + TopConsumers.TOP + " largest by retail charge, per key, project and model,"
                                + " from the chargeback statement of " + units.label(unit) + ".");
        consumers.setItems(top);
        consumers.setVisible(!top.isEmpty());
    }

    private String keyLabel(UUID apiKeyId) {
        if (apiKeyId == null) {
            return "Master key or platform";
        }
        String name = keyNames.get(apiKeyId);
        return name != null ? name : "key " + apiKeyId.toString().substring(0, 8);
    }

    /** Names of the keys the reader may manage; others are shown by the start of their id. */
    private Map<UUID, String> keyNames() {
        try {
            return keys.list(Optional.empty()).stream().collect(Collectors.toMap(k -> k.id().value(), ApiKey::name));
        } catch (SwitchboardException | AccessDeniedException notAllowed) {
            return Map.of();
        }
    }
}

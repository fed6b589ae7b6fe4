package dev.switchboard.ui.budget;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Budgets;
import dev.switchboard.chargeback.Chargeback;
import dev.switchboard.chargeback.StatementLine;
import dev.switchboard.ledger.DailySpend;
import dev.switchboard.ledger.SpendForecast;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.notify.Notification;
import dev.switchboard.notify.Notifications;
import dev.switchboard.platform.Money;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Budgets → Dashboard: every budget the user may read with its current period, and for the selected
 * one spend over the period against the limit (with the burn-rate projection), when it runs out at
 * the current rate, the top consumers of the period and the user's budget alerts.
 */
@Route(value = "budgets", layout = MainLayout.class)
@PageTitle("Budgets | Switchboard")
@PermitAll
public class BudgetsView extends VerticalLayout {

    static final int TOP = 10;

    private final Budgets budgets;
    private final UsageLedger ledger;
    private final Chargeback chargeback;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final Grid<BudgetStatus> grid = new Grid<>();
    private final Div detail = new Div();
    private final Grid<Notification> alerts = new Grid<>();

    BudgetsView(
            Budgets budgets,
            UsageLedger ledger,
            Chargeback chargeback,
            Notifications notifications,
            Clock clock,
            dev.switchboard.budget.BudgetProperties properties) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.chargeback = chargeback;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = properties.timeZone();
        setSizeFull();
        add(new H2("Budgets"));

        grid.setId("budgets-grid");
        grid.addColumn(s -> s.budget().name()).setHeader("Budget").setAutoWidth(true);
        grid.addColumn(s -> scope(s.budget().scope())).setHeader("Applies to");
        grid.addColumn(s -> s.budget().enforcement().name().toLowerCase()).setHeader("Kind");
        grid.addColumn(s -> money(s.current() == null ? null : s.current().limit()))
                .setHeader("Limit");
        grid.addColumn(s -> money(s.current() == null ? null : s.current().spent()))
                .setHeader("Spent");
        grid.addColumn(s -> money(s.current() == null ? null : s.current().reserved()))
                .setHeader("Held");
        grid.addColumn(s -> money(s.current() == null ? null : s.current().remaining()))
                .setHeader("Left");
        grid.addComponentColumn(BudgetsView::usageBar).setHeader("Used");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        detail.setId("budget-detail");
        detail.setWidthFull();

        alerts.setId("budget-alerts");
        alerts.addColumn(Notification::title).setHeader("Alert").setAutoWidth(true);
        alerts.addColumn(n -> n.createdAt().toString()).setHeader("When");
        alerts.addComponentColumn(n -> {
            Button read = new Button("Mark read", click -> {
                notifications.markRead(n.id());
                refreshAlerts();
            });
            read.setEnabled(!n.read());
            return read;
        });
        alerts.setAllRowsVisible(true);

        List<BudgetStatus> readable = budgets.list(null, null, false);
        if (readable.isEmpty()) {
            Paragraph none = new Paragraph("No budget applies to the units you can see. Finance and platform"
                    + " admins create budgets (REST /api/v1/budgets).");
            none.setId("budgets-none");
            add(none);
        }
        grid.setItems(readable);
        add(grid, detail, new H3("Alerts"), alerts);
        refreshAlerts();
        readable.stream().findFirst().ifPresent(grid::select);
    }

    private void refreshAlerts() {
        alerts.setItems(notifications.mine(false, 20));
    }

    private void show(BudgetStatus status) {
        detail.removeAll();
        if (status == null || status.current() == null) {
            return;
        }
        BudgetStatus.PeriodUsage period = status.current();
        Instant now = clock.instant();
        Instant end = period.resetsAt() != null ? period.resetsAt() : now.plusSeconds(1);
        Instant start = period.start();
        String currency = period.limit().currency().getCurrencyCode();
        SpendForecast forecast = new SpendForecast(
                Math.max(0, period.spent().micros()),
                period.limit().micros(),
                start,
                end.isAfter(start) ? end : start.plusSeconds(1),
                now);
        List<DailySpend> days = dailySpend(status.budget().scope(), start, end);
        LocalDate first = start.atZone(zone).toLocalDate();
        LocalDate last = end.minusNanos(1).atZone(zone).toLocalDate();
        if (last.isBefore(first)) {
            last = first;
        }
        var chart = SpendChart.of(new SpendChart.Data(
                days,
                first,
                last,
                now.atZone(zone).toLocalDate(),
                period.limit().micros(),
                forecast.projectedMicros(),
                currency));
        chart.setId("budget-chart");

        Paragraph words = new Paragraph(forecastText(forecast, period, currency));
        words.setId("budget-forecast");
        detail.add(new H3(status.budget().name()), chart, words);
        detail.add(topConsumers(status.budget().scope(), currency));
    }

    static String forecastText(SpendForecast forecast, BudgetStatus.PeriodUsage period, String currency) {
        String rate = "At " + Formats.money(forecast.microsPerDay(), currency) + " a day";
        return forecast.exhaustedAt()
                .map(at -> forecast.spentMicros() >= forecast.limitMicros()
                        ? "This budget is used up for this period."
                        : rate + " this budget runs out on "
                                + at.atZone(java.time.ZoneOffset.UTC).toLocalDate() + " (UTC), before it resets.")
                .orElseGet(() -> forecast.spentMicros() == 0
                        ? "Nothing spent in this period yet."
                        : rate + " this budget lasts until it resets"
                                + (period.resetsAt() == null ? "" : " on " + period.resetsAt()) + ".");
    }

    private List<DailySpend> dailySpend(BudgetScope scope, Instant from, Instant to) {
        UsageQuery query = scope instanceof BudgetScope.Unit u
                ? new UsageQuery(u.orgUnitId(), null, null, null, from, to, 1)
                : new UsageQuery(null, ((BudgetScope.Key) scope).apiKeyId(), null, null, from, to, 1);
        return ledger.dailySpend(query, zone);
    }

    private com.vaadin.flow.component.Component topConsumers(BudgetScope scope, String currency) {
        Div box = new Div();
        box.setId("budget-top");
        if (!(scope instanceof BudgetScope.Unit u)) {
            return box;
        }
        List<StatementLine> lines;
        try {
            lines = chargeback.statement(u.orgUnitId(), null).lines().stream()
                    .filter(l -> l.currency().equals(currency))
                    .sorted(Comparator.comparingLong(StatementLine::retailMicros)
                            .reversed())
                    .limit(TOP)
                    .toList();
        } catch (AccessDeniedException e) {
            return box;
        }
        Grid<StatementLine> top = new Grid<>();
        top.setId("budget-top-grid");
        top.addColumn(StatementLine::model).setHeader("Model");
        top.addColumn(StatementLine::providerId).setHeader("Provider");
        top.addColumn(l -> l.apiKeyId() == null ? "(internal)" : l.apiKeyId().toString())
                .setHeader("Key");
        top.addColumn(StatementLine::calls).setHeader("Calls");
        top.addColumn(l -> Formats.money(l.retailMicros(), l.currency())).setHeader("Retail");
        top.setItems(lines);
        top.setAllRowsVisible(true);
        box.add(new H3("Top consumers this period"), top);
        return box;
    }

    private static ProgressBar usageBar(BudgetStatus s) {
        ProgressBar bar = new ProgressBar(0, 1);
        if (s.current() != null && s.current().limit().micros() > 0) {
            long used = s.current().spent().micros() + s.current().reserved().micros();
            bar.setValue(Math.min(1, (double) used / s.current().limit().micros())); // a bar, not money
        }
        return bar;
    }

    private static String scope(BudgetScope scope) {
        return switch (scope) {
            case BudgetScope.Unit u -> "org unit " + u.orgUnitId();
            case BudgetScope.Key k -> "API key " + k.apiKeyId();
        };
    }

    private static String money(Money money) {
        return money == null ? "" : Formats.money(money);
    }
}

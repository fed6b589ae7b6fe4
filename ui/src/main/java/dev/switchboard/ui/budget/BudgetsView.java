package dev.switchboard.ui.budget;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.budget.Budget;
import dev.switchboard.budget.BudgetPeriod;
import dev.switchboard.budget.BudgetProperties;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Budgets;
import dev.switchboard.chargeback.Chargeback;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.notify.Notifications;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Budgets → Dashboard: the budgets of one org unit with where their current period stands, the chosen
 * budget's spend over time against its limit with the burn-rate forecast and top consumers, and the
 * person's alerts. Platform admins and finance create, change and archive budgets; everyone else reads
 * the budgets of their units and the units below ({@code Budgets} checks both).
 */
@Route(value = "budgets", layout = MainLayout.class)
@PageTitle("Budgets | Switchboard")
@PermitAll
public class BudgetsView extends VerticalLayout {

    private final Budgets budgets;
    private final UnitChoices choices;
    private final Clock clock;
    private final ZoneId zone;
    private final UnitChoices.Units units;
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Org unit");
    private final Checkbox archived = new Checkbox("Show archived");
    private final Grid<BudgetStatus> grid = new Grid<>();
    private final Button edit = new Button("Change", click -> openEdit());
    private final Button archive = new Button("Archive", click -> confirmArchive());
    private final BudgetDetail detail;
    private final AlertsPanel alerts;

    BudgetsView(
            Budgets budgets,
            UsageLedger ledger,
            Chargeback chargeback,
            ApiKeys keys,
            Notifications notifications,
            BudgetProperties properties,
            UnitChoices choices,
            Clock clock) {
        this.budgets = budgets;
        this.choices = choices;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.units = choices.units();
        this.detail = new BudgetDetail(ledger, chargeback, keys, properties.timeZone());
        this.alerts = new AlertsPanel(notifications, properties.timeZone());
        setSizeFull();
        add(new H2("Budgets"));
        if (units.readable().isEmpty()) {
            Paragraph none = new Paragraph("You are not a member of any org unit, so there are no budgets to show."
                    + " Platform admins and finance see every unit's budgets.");
            none.setId("budgets-no-units");
            add(none, alerts);
            alerts.refresh();
            return;
        }
        add(toolbar());
        configureGrid();
        add(grid, detail, alerts);
        unit.setValue(units.start());
        alerts.refresh();
    }

    private HorizontalLayout toolbar() {
        unit.setId("budgets-unit");
        unit.setItems(units.readable());
        unit.setItemLabelGenerator(units::label);
        unit.setWidth("20rem");
        unit.addValueChangeListener(change -> refresh());
        archived.setId("budgets-archived");
        archived.addValueChangeListener(change -> refresh());
        HorizontalLayout bar = new HorizontalLayout(unit, archived);
        if (choices.managesMoney()) {
            Button create = new Button("New budget", click -> openCreate());
            create.setId("budget-new");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            edit.setId("budget-edit");
            archive.setId("budget-archive");
            bar.add(create, edit, archive);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void configureGrid() {
        grid.setId("budgets-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> s.budget().name())
                .setHeader("Budget")
                .setKey("name")
                .setFlexGrow(2);
        grid.addColumn(s -> periodLabel(s.budget().period()))
                .setHeader("Period")
                .setKey("period");
        grid.addColumn(s -> Amounts.money(s.budget().amount()))
                .setHeader("Limit")
                .setKey("limit");
        grid.addColumn(s -> s.current() == null ? "" : Amounts.money(s.current().spent()))
                .setHeader("Spent")
                .setKey("spent");
        grid.addColumn(s -> s.current() == null ? "" : Amounts.money(s.current().reserved()))
                .setHeader("Reserved")
                .setKey("reserved");
        grid.addColumn(s -> s.current() == null ? "" : Amounts.money(s.current().remaining()))
                .setHeader("Remaining")
                .setKey("remaining");
        grid.addComponentColumn(BudgetsView::usageBar).setHeader("Used").setKey("used");
        grid.addComponentColumn(BudgetsView::enforcement)
                .setHeader("Enforcement")
                .setKey("enforcement");
        grid.addColumn(s -> s.current() == null || s.current().resetsAt() == null
                        ? ""
                        : Amounts.day(s.current().resetsAt(), zone).toString())
                .setHeader("Resets on")
                .setKey("resets");
        grid.addSelectionListener(selection -> showSelected());
    }

    static String periodLabel(BudgetPeriod period) {
        String kind = switch (period) {
            case BudgetPeriod.Monthly m -> "Monthly";
            case BudgetPeriod.Quarterly q -> "Quarterly";
            case BudgetPeriod.Custom c -> "Every " + c.days() + " days";
            case BudgetPeriod.OneOff o -> "One-off";
        };
        return kind + " from " + period.startsOn();
    }

    private static ProgressBar usageBar(BudgetStatus s) {
        ProgressBar bar = new ProgressBar();
        if (s.current() == null) {
            bar.setVisible(false);
            return bar;
        }
        long used = s.current().spent().micros() + s.current().reserved().micros();
        long percent = Amounts.percent(used, s.current().limit().micros());
        // a bar shows a share, not money: the whole percent is all the precision it needs
        bar.setValue(Math.min(100, percent) / 100.0);
        bar.getElement().setAttribute("title", percent + " % of the limit spent or reserved");
        bar.getElement().setAttribute("aria-label", percent + " % used");
        if (percent >= 100) {
            bar.addThemeVariants(ProgressBarVariant.ERROR);
        }
        return bar;
    }

    private static Badge enforcement(BudgetStatus s) {
        if (s.budget().archived()) {
            Badge badge = new Badge("Archived");
            badge.addThemeVariants(BadgeVariant.CONTRAST);
            return badge;
        }
        Badge badge = new Badge(s.budget().hard() ? "Hard" : "Soft");
        badge.addThemeVariants(s.budget().hard() ? BadgeVariant.ERROR : BadgeVariant.WARNING);
        badge.getElement()
                .setAttribute("title", s.budget().hard() ? "Calls over the limit are refused" : "Alerts only");
        return badge;
    }

    private void refresh() {
        OrgUnit chosen = unit.getValue();
        Optional<BudgetStatus> keep = selected();
        List<BudgetStatus> shown = List.of();
        if (chosen != null) {
            try {
                shown = budgets.list(chosen.id(), null, archived.getValue());
            } catch (SwitchboardException | AccessDeniedException refused) {
                Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            }
        }
        grid.setItems(shown);
        BudgetStatus select = shown.stream()
                .filter(s -> keep.isPresent()
                        && s.budget().id().equals(keep.get().budget().id()))
                .findFirst()
                .orElse(shown.isEmpty() ? null : shown.getFirst());
        if (select == null) {
            grid.deselectAll();
        } else {
            grid.select(select);
        }
        showSelected();
    }

    private Optional<BudgetStatus> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void showSelected() {
        Optional<BudgetStatus> status = selected();
        edit.setEnabled(status.isPresent() && !status.get().budget().archived());
        archive.setEnabled(status.isPresent() && !status.get().budget().archived());
        detail.show(status.orElse(null), units, clock.instant());
    }

    private void openCreate() {
        BudgetDialog.create(budgets, units, units.readable(), unit.getValue(), saved -> {
                    Toasts.success("Created budget '" + saved.budget().name() + "'");
                    refresh();
                    grid.select(saved);
                    showSelected();
                })
                .open();
    }

    private void openEdit() {
        selected()
                .ifPresent(status -> BudgetDialog.edit(budgets, units, unit.getValue(), status.budget(), saved -> {
                            Toasts.success("Saved budget '" + saved.budget().name() + "'");
                            refresh();
                        })
                        .open());
    }

    private void confirmArchive() {
        Budget budget = selected().map(BudgetStatus::budget).orElse(null);
        if (budget == null) {
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Archive budget '" + budget.name() + "'?");
        confirm.add(new Paragraph("It stops applying to new calls at once; calls already holding part of it settle"
                + " as usual. Its history stays, listed under \"Show archived\"."));
        Button cancel = new Button("Cancel", click -> confirm.close());
        cancel.setId("budget-archive-cancel");
        Button yes = new Button("Archive budget", click -> {
            confirm.close();
            archive(budget);
        });
        yes.setId("budget-archive-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.getFooter().add(cancel, yes);
        confirm.open();
    }

    private void archive(Budget budget) {
        try {
            budgets.archive(budget.id());
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        Toasts.success("Archived budget '" + budget.name() + "'");
        refresh();
    }
}

package dev.switchboard.ui.budget;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.apikey.ApiKey;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.chargeback.Chargeback;
import dev.switchboard.chargeback.Statement;
import dev.switchboard.chargeback.StatementLine;
import dev.switchboard.chargeback.StatementTotal;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.FieldErrors;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * Budgets → Chargeback: an org unit's statement for a billing period (its units below included): calls,
 * tokens, wholesale, retail and margin per line or grouped, totals per currency, live while the period
 * is open and frozen once closed; a CSV download of what is shown. Platform admins and finance close an
 * ended period after a confirmation; what {@code Chargeback} refuses is said in words.
 */
@Route(value = "budgets/chargeback", layout = MainLayout.class)
@PageTitle("Chargeback | Switchboard")
@PermitAll
public class ChargebackView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Chargeback chargeback;
    private final ApiKeys keys;
    private final UnitChoices choices;
    private final UnitChoices.Units units;
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Org unit");
    private final TextField period = new TextField("Period");
    private final Select<StatementRows.Grouping> grouping = new Select<>();
    private final Span status = new Span();
    private final Paragraph asOf = new Paragraph();
    private final Div totals = new Div();
    private final Grid<StatementRows.Row> grid = new Grid<>();
    private final Anchor download = new Anchor();
    private final Button close = new Button("Close period", click -> confirmClose());
    private Statement shown;
    private Map<UUID, String> keyNames = Map.of();

    ChargebackView(Chargeback chargeback, ApiKeys keys, UnitChoices choices, Clock clock) {
        this.chargeback = chargeback;
        this.keys = keys;
        this.choices = choices;
        this.units = choices.units();
        setSizeFull();
        add(new H2("Chargeback"));
        if (units.readable().isEmpty()) {
            Paragraph none = new Paragraph("You are not a member of any org unit, so there is no statement to show."
                    + " Platform admins and finance see every unit's statements.");
            none.setId("chargeback-no-units");
            add(none);
            return;
        }
        period.setValue(chargeback.periodContaining(clock.instant()).label());
        add(toolbar());
        status.setId("chargeback-status");
        asOf.setId("chargeback-as-of");
        asOf.addClassName("sb-quiet");
        totals.setId("chargeback-totals");
        download.setId("chargeback-csv");
        download.setText("Download CSV");
        HorizontalLayout state = new HorizontalLayout(status, asOf, download);
        state.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(state, totals);
        addAndExpand(grid);
        unit.setValue(units.start());
    }

    private HorizontalLayout toolbar() {
        unit.setId("chargeback-unit");
        unit.setItems(units.readable());
        unit.setItemLabelGenerator(units::label);
        unit.setWidth("20rem");
        period.setId("chargeback-period");
        period.setHelperText("YYYY-MM");
        period.setManualValidation(true);
        period.setWidth("9rem");
        grouping.setId("chargeback-grouping");
        grouping.setLabel("Rows");
        grouping.setItems(StatementRows.Grouping.values());
        grouping.setItemLabelGenerator(StatementRows.Grouping::label);
        grouping.setValue(StatementRows.Grouping.LINE);
        unit.addValueChangeListener(change -> refresh());
        period.addValueChangeListener(change -> refresh());
        grouping.addValueChangeListener(change -> showRows());
        HorizontalLayout bar = new HorizontalLayout(unit, period, grouping);
        if (choices.managesMoney()) {
            close.setId("chargeback-close");
            close.addThemeVariants(ButtonVariant.ERROR);
            bar.add(close);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void configureGrid() {
        grid.setId("chargeback-lines");
        grid.addColumn(StatementRows.Row::project).setHeader("Project").setKey("project");
        grid.addColumn(StatementRows.Row::model).setHeader("Model").setKey("model");
        grid.addColumn(StatementRows.Row::provider).setHeader("Provider").setKey("provider");
        grid.addColumn(StatementRows.Row::key).setHeader("Key").setKey("key");
        grid.addColumn(r -> Amounts.count(r.calls())).setHeader("Calls").setKey("calls");
        grid.addColumn(r -> Amounts.count(r.inputTokens()))
                .setHeader("Input tokens")
                .setKey("input");
        grid.addColumn(r -> Amounts.count(r.cachedInputTokens()))
                .setHeader("cached")
                .setKey("cached");
        grid.addColumn(r -> Amounts.count(r.outputTokens()))
                .setHeader("Output tokens")
                .setKey("output");
        grid.addColumn(r -> Amounts.money(r.wholesaleMicros(), r.currency()))
                .setHeader("Wholesale")
                .setKey("wholesale");
        grid.addColumn(r -> Amounts.money(r.retailMicros(), r.currency()))
                .setHeader("Retail")
                .setKey("retail");
        grid.addColumn(r -> Amounts.money(r.marginMicros(), r.currency()))
                .setHeader("Margin")
                .setKey("margin");
        grid.addColumn(StatementRows.Row::lateFrom).setHeader("Late from").setKey("late");
    }

    private void refresh() {
        period.setInvalid(false);
        OrgUnit chosen = unit.getValue();
        shown = null;
        if (chosen != null) {
            try {
                shown = chargeback.statement(chosen.id(), period.getValue().strip());
            } catch (SwitchboardException.InvalidInput invalid) {
                FieldErrors.show(period, invalid.getMessage());
            } catch (SwitchboardException | AccessDeniedException refused) {
                Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            }
        }
        keyNames = keyNames();
        showStatement();
    }

    private void showStatement() {
        status.removeAll();
        totals.removeAll();
        download.setVisible(shown != null);
        close.setEnabled(shown != null && !shown.closed());
        if (shown == null) {
            asOf.setText("");
            grid.setItems();
            return;
        }
        Badge badge = new Badge(shown.closed() ? "Closed" : "Open");
        badge.addThemeVariants(shown.closed() ? BadgeVariant.CONTRAST : BadgeVariant.SUCCESS);
        status.add(badge);
        asOf.setText(
                shown.closed()
                        ? "Closed " + TIME.format(shown.asOf()) + " UTC by " + shown.closedBy()
                                + "; it no longer changes."
                        : "Live: as of " + TIME.format(shown.asOf()) + " UTC; the period ends "
                                + TIME.format(shown.period().end()) + " UTC.");
        if (shown.totals().isEmpty()) {
            totals.add(new Paragraph("No calls in this period."));
        }
        for (StatementTotal t : shown.totals()) {
            Paragraph line = new Paragraph("Total: " + Amounts.count(t.calls()) + " calls · "
                    + Amounts.count(t.inputTokens()) + " input tokens (" + Amounts.count(t.cachedInputTokens())
                    + " cached) · " + Amounts.count(t.outputTokens()) + " output tokens · wholesale "
                    + Amounts.money(t.wholesaleMicros(), t.currency()) + " · retail "
                    + Amounts.money(t.retailMicros(), t.currency()) + " · margin "
                    + Amounts.money(t.marginMicros(), t.currency()));
            line.addClassName("sb-totals");
            totals.add(line);
        }
        Statement csvOf = shown;
        download.setHref(
                event -> {
                    byte[] csv = chargeback.csv(csvOf).getBytes(StandardCharsets.UTF_8);
                    event.setFileName(chargeback.csvFileName(csvOf));
                    event.setContentType("text/csv; charset=utf-8");
                    event.setContentLength(csv.length);
                    event.getOutputStream().write(csv);
                },
                com.vaadin.flow.component.html.AttachmentType.DOWNLOAD);
        showRows();
    }

    private void showRows() {
        if (shown == null) {
            return;
        }
        grid.setItems(StatementRows.of(
                shown.lines(),
                grouping.getValue(),
                new StatementRows.Labels(
                        l -> l.projectId() == null ? "(no project)" : units.label(l.projectId()), this::keyLabel)));
    }

    private String keyLabel(StatementLine l) {
        if (l.apiKeyId() == null) {
            return "Master key or platform";
        }
        String name = keyNames.get(l.apiKeyId());
        return name != null ? name : "key " + l.apiKeyId().toString().substring(0, 8);
    }

    private Map<UUID, String> keyNames() {
        try {
            return keys.list(Optional.empty()).stream().collect(Collectors.toMap(k -> k.id().value(), ApiKey::name));
        } catch (SwitchboardException | AccessDeniedException notAllowed) {
            return Map.of();
        }
    }

    private void confirmClose() {
        Statement open = shown;
        if (open == null) {
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Close " + open.period().label() + " for " + units.label(open.orgUnitId()) + "?");
        confirm.add(new Paragraph("The statement is stored as it stands and never changes again. Usage of this"
                + " period recorded later is charged in the next open period, marked late."));
        Button cancel = new Button("Cancel", click -> confirm.close());
        cancel.setId("chargeback-close-cancel");
        Button yes = new Button("Close period", click -> {
            confirm.close();
            close(open);
        });
        yes.setId("chargeback-close-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.getFooter().add(cancel, yes);
        confirm.open();
    }

    private void close(Statement open) {
        try {
            chargeback.close(open.orgUnitId(), open.period().label());
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        Toasts.success("Closed " + open.period().label() + " for " + units.label(open.orgUnitId()));
        refresh();
    }
}

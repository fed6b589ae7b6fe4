package dev.switchboard.ui.budget;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.switchboard.chargeback.Chargeback;
import dev.switchboard.chargeback.Statement;
import dev.switchboard.chargeback.StatementLine;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.UserRole;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Budgets → Chargeback: the statement of an org unit (and the units below it) for a period, grouped by
 * project, model, provider and key with calls, tokens, wholesale, retail and margin; a CSV download;
 * and, for finance and admins, closing the period, which freezes the statement.
 */
@Route(value = "budgets/chargeback", layout = MainLayout.class)
@PageTitle("Chargeback | Switchboard")
@PermitAll
public class ChargebackView extends VerticalLayout {

    private final Chargeback chargeback;
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Org unit");
    private final TextField period = new TextField("Period (YYYY-MM)");
    private final Paragraph status = new Paragraph();
    private final Paragraph totals = new Paragraph();
    private final Grid<StatementLine> lines = new Grid<>();
    private final Div download = new Div();
    private final Button close = new Button("Close period");
    private Statement shown;

    ChargebackView(Chargeback chargeback, OrgService org, Clock clock) {
        this.chargeback = chargeback;
        setSizeFull();
        add(new H2("Chargeback"));
        unit.setId("chargeback-unit");
        unit.setItems(org.list(false));
        unit.setItemLabelGenerator(OrgUnit::name);
        period.setId("chargeback-period");
        period.setValue(chargeback.periodContaining(clock.instant()).label());
        Button show = new Button("Show", e -> load());
        show.setId("chargeback-show");
        close.setId("chargeback-close");
        close.setVisible(mayClose());
        close.addClickListener(e -> confirmClose());
        HorizontalLayout bar = new HorizontalLayout(unit, period, show, close);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        status.setId("chargeback-status");
        totals.setId("chargeback-totals");
        lines.setId("chargeback-lines");
        lines.addColumn(l -> l.late() ? "late from " + l.lateFromPeriod() : "").setHeader("");
        lines.addColumn(l -> l.projectId() == null ? "" : org.get(l.projectId()).name())
                .setHeader("Project");
        lines.addColumn(StatementLine::model).setHeader("Model");
        lines.addColumn(StatementLine::providerId).setHeader("Provider");
        lines.addColumn(l -> l.apiKeyId() == null ? "(internal)" : l.apiKeyId().toString())
                .setHeader("Key");
        lines.addColumn(StatementLine::calls).setHeader("Calls");
        lines.addColumn(l -> l.inputTokens() + " / " + l.outputTokens()).setHeader("Tokens in / out");
        lines.addColumn(l -> Formats.money(l.wholesaleMicros(), l.currency())).setHeader("Wholesale");
        lines.addColumn(l -> Formats.money(l.retailMicros(), l.currency())).setHeader("Retail");
        lines.addColumn(l -> Formats.money(l.marginMicros(), l.currency())).setHeader("Margin");
        download.setId("chargeback-download");
        add(bar, status, totals, download, lines);
    }

    private static boolean mayClose() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + UserRole.FINANCE.name())
                                || a.getAuthority().equals("ROLE_" + UserRole.PLATFORM_ADMIN.name()));
    }

    void load() {
        if (unit.isEmpty()) {
            status.setText("Pick an org unit.");
            return;
        }
        try {
            show(chargeback.statement(unit.getValue().id(), period.getValue().strip()));
        } catch (SwitchboardException | AccessDeniedException e) {
            shown = null;
            lines.setItems();
            totals.setText("");
            download.removeAll();
            status.setText(
                    e instanceof AccessDeniedException
                            ? "You may only read the statements of your own org units."
                            : e.getMessage());
        }
    }

    private void show(Statement statement) {
        shown = statement;
        status.setText(
                statement.closed()
                        ? "Closed by " + statement.closedBy() + " — this statement is final."
                        : "Open — live figures as of " + statement.asOf() + ".");
        totals.setText(statement.totals().stream()
                .map(t -> t.calls() + " calls · wholesale " + Formats.money(t.wholesaleMicros(), t.currency())
                        + " · retail " + Formats.money(t.retailMicros(), t.currency()) + " · margin "
                        + Formats.money(t.retailMicros() - t.wholesaleMicros(), t.currency()))
                .reduce((a, b) -> a + "; " + b)
                .orElse("No usage in this period."));
        lines.setItems(statement.lines());
        download.removeAll();
        String csv = chargeback.csv(statement);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(bytes), chargeback.csvFileName(statement), "text/csv", bytes.length)),
                "Download CSV");
        link.setId("chargeback-csv");
        download.add(link);
        close.setEnabled(!statement.closed());
    }

    private void confirmClose() {
        if (shown == null) {
            status.setText("Show a statement first.");
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog(
                "Close " + shown.period().label() + "?",
                "The statement becomes final; usage recorded later lands in the next open period, marked late.",
                "Close period",
                e -> closePeriod());
        confirm.setCancelable(true);
        confirm.open();
    }

    void closePeriod() {
        try {
            show(chargeback.close(unit.getValue().id(), shown.period().label()));
        } catch (SwitchboardException | AccessDeniedException e) {
            status.setText(
                    e instanceof AccessDeniedException
                            ? "Only finance and platform admins close periods."
                            : e.getMessage());
        }
    }
}

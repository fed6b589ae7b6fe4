package dev.switchboard.ui.budget;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.switchboard.notify.Notification;
import dev.switchboard.notify.Notifications;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in person's alerts (budget thresholds, low provider balances, ...), newest first, with
 * "mark read" per alert and for all of them. Read marks are the person's own.
 */
final class AlertsPanel extends VerticalLayout {

    static final int SHOWN = 20;

    private final Notifications notifications;
    private final DateTimeFormatter time;
    private final Grid<Notification> grid = new Grid<>();
    private final Span unread = new Span();
    private final Button markAll = new Button("Mark all read", click -> markAllRead());

    AlertsPanel(Notifications notifications, ZoneId zone) {
        this.notifications = notifications;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        setId("budget-alerts");
        setPadding(false);
        unread.setId("alerts-unread");
        unread.addClassName("sb-quiet");
        markAll.setId("alerts-mark-all");
        markAll.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new H3("Alerts"), unread, markAll);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("alerts-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(n -> time.format(n.createdAt()))
                .setHeader("When (" + zone.getId() + ")")
                .setKey("when")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(AlertsPanel::severity).setHeader("Severity").setKey("severity");
        grid.addColumn(Notification::title).setHeader("Alert").setKey("title").setFlexGrow(3);
        grid.addColumn(Notification::body).setHeader("Details").setKey("body").setFlexGrow(4);
        grid.addComponentColumn(this::readCell).setHeader("").setKey("read");
        grid.setPartNameGenerator(n -> n.read() ? "sb-archived" : null);
        add(header, grid);
    }

    void refresh() {
        List<Notification> mine;
        try {
            mine = notifications.mine(false, SHOWN);
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            mine = List.of();
        }
        grid.setItems(mine);
        long count = mine.stream().filter(n -> !n.read()).count();
        unread.setText(mine.isEmpty() ? "No alerts." : count + " unread of the newest " + mine.size());
        markAll.setEnabled(count > 0);
    }

    private static Badge severity(Notification n) {
        Badge badge = new Badge(
                switch (n.severity()) {
                    case INFO -> "Info";
                    case WARNING -> "Warning";
                    case CRITICAL -> "Critical";
                });
        badge.addThemeVariants(
                switch (n.severity()) {
                    case INFO -> BadgeVariant.CONTRAST;
                    case WARNING -> BadgeVariant.WARNING;
                    case CRITICAL -> BadgeVariant.ERROR;
                });
        return badge;
    }

    private com.vaadin.flow.component.Component readCell(Notification n) {
        if (n.read()) {
            return new Span("Read");
        }
        Button read = new Button("Mark read", click -> markRead(n));
        read.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        read.setId("alert-read-" + n.id().value());
        return read;
    }

    private void markRead(Notification n) {
        try {
            notifications.markRead(n.id());
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
        }
        refresh();
    }

    private void markAllRead() {
        try {
            int marked = notifications.markAllRead();
            Toasts.success(marked == 1 ? "Marked 1 alert read" : "Marked " + marked + " alerts read");
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
        }
        refresh();
    }
}

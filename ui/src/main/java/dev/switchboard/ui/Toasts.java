package dev.switchboard.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The two kinds of short messages the UI shows: an outcome the user asked for, and a problem they
 * can act on. One place, so that every view and the session error handler look and time alike.
 */
public final class Toasts {

    private static final int SUCCESS_MILLIS = 3_000;
    // problems stay longer: the user has to read what to change
    private static final int PROBLEM_MILLIS = 8_000;

    private Toasts() {}

    public static Notification success(String message) {
        Notification notification = Notification.show(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
        return notification;
    }

    public static Notification problem(String message) {
        Notification notification = Notification.show(message, PROBLEM_MILLIS, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
        return notification;
    }
}

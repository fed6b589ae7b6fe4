package dev.switchboard.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line for anything a view did not handle itself: expected problems (a broken rule, a
 * conflict, a missing role) are shown as they are; anything else is a bug, logged with an incident id
 * that the user is shown, so that a report can be matched to the log without leaking internals.
 */
final class FriendlyErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        Optional<String> expected = ExpectedProblems.messageFor(failure);
        String message;
        if (expected.isPresent()) {
            log.debug("Expected problem reached the session error handler", failure);
            message = expected.get();
        } else {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error in the UI (incident {})", incident, failure);
            message = "Something went wrong on our side (incident " + incident
                    + "). Please try again; if it keeps happening, tell your administrator.";
        }
        show(event, message);
    }

    private static void show(ErrorEvent event, String message) {
        UI ui = event.getComponent().flatMap(Component::getUI).orElseGet(UI::getCurrent);
        if (ui != null) {
            // access(): the handler may run outside the UI's request (e.g. from a background task)
            ui.access(() -> Toasts.problem(message));
        }
    }
}

package dev.switchboard.ui.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Gives every new Vaadin session the {@link FriendlyErrorHandler}. */
@Component
class ErrorHandlerInstaller implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // a fresh, stateless handler per session: sessions are serialised, Spring beans are not
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new FriendlyErrorHandler()));
    }
}

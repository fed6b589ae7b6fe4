package dev.switchboard.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import dev.switchboard.ui.AppShell;
import jakarta.annotation.security.PermitAll;

/**
 * The one placeholder for every area of {@link Area}: it says plainly that the area is not available
 * yet, so that the navigation can show the whole product without pretending parts of it work.
 */
@Route(value = ComingSoonView.ROUTE, layout = MainLayout.class)
@PermitAll
public class ComingSoonView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final String ROUTE = "area";

    private final H2 heading = new H2();
    private final Paragraph purpose = new Paragraph();
    private final Paragraph notice = new Paragraph();
    private String title = AppShell.PRODUCT;

    ComingSoonView() {
        heading.setId("area-title");
        notice.setId("area-notice");
        add(heading, purpose, notice);
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        Area area = Area.bySlug(slug).orElse(null);
        if (area == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        heading.setText(area.title());
        purpose.setText(area.purpose());
        notice.setText(area.title() + " is not available yet: it arrives in a later release of " + AppShell.PRODUCT
                + ". Nothing on this page works or stores anything.");
        title = area.title() + " (not available yet) | " + AppShell.PRODUCT;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/** The small labels of the gateway views; one place so that "Simulated" reads the same everywhere. */
final class Badges {

    static final String SIMULATED = "Simulated";
    static final String SIMULATED_CLASS = "sb-simulated";

    private Badges() {}

    /** Marks output or prices of a built-in simulator: never mistaken for a real model. */
    static Badge simulated() {
        Badge badge = new Badge(SIMULATED);
        badge.addThemeVariants(BadgeVariant.WARNING);
        badge.addClassName(SIMULATED_CLASS);
        badge.getElement().setAttribute("title", "A built-in simulator: its answers are not real model output");
        return badge;
    }

    static Badge good(String text) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.SUCCESS);
        return badge;
    }

    static Badge bad(String text) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.ERROR);
        return badge;
    }

    static Badge neutral(String text) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.CONTRAST);
        return badge;
    }
}

package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.sidenav.SideNavItem;

/** The prompts' entry in the main navigation; a template's own pages are reached from the library. */
public final class PromptNavigation {

    private PromptNavigation() {}

    public static SideNavItem item() {
        return new SideNavItem("Prompts", PromptsView.class);
    }
}

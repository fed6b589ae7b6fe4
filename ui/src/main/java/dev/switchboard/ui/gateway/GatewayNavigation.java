package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.sidenav.SideNavItem;

/** The gateway's entry in the main navigation, with one item per view. */
public final class GatewayNavigation {

    private GatewayNavigation() {}

    public static SideNavItem item() {
        SideNavItem gateway = new SideNavItem("Gateway");
        gateway.addItem(new SideNavItem("Providers & models", ModelsView.class));
        gateway.addItem(new SideNavItem("My keys", KeysView.class));
        gateway.addItem(new SideNavItem("Usage", UsageView.class));
        gateway.addItem(new SideNavItem("Try it", TryItView.class));
        gateway.setExpanded(true);
        return gateway;
    }
}

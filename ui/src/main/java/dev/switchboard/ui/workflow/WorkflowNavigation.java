package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.sidenav.SideNavItem;

/**
 * The workflows' entries in the main navigation: the library, the runs and the approvals inbox; a
 * workflow's editor, run form and a run's monitor are reached from those.
 */
public final class WorkflowNavigation {

    private WorkflowNavigation() {}

    public static SideNavItem item() {
        SideNavItem workflows = new SideNavItem("Workflows", WorkflowsView.class);
        workflows.addItem(new SideNavItem("Runs", RunsView.class));
        workflows.addItem(new SideNavItem("Approvals", ApprovalsView.class));
        workflows.setExpanded(true);
        return workflows;
    }
}

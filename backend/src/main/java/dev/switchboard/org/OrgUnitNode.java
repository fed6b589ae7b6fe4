package dev.switchboard.org;

import java.util.List;

/** An org unit with its children, for rendering the tree. */
public record OrgUnitNode(OrgUnit unit, List<OrgUnitNode> children) {

    public OrgUnitNode {
        children = List.copyOf(children);
    }
}

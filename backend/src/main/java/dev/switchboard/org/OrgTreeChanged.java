package dev.switchboard.org;

/**
 * A unit was created, renamed, moved, archived or restored: caches of paths through the tree (retail
 * pricing, for one) must forget them. Published inside the changing transaction; listen after commit.
 */
public record OrgTreeChanged(OrgUnitId unit) {}

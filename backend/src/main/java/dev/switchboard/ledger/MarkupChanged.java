package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;

/** A unit's markup was set or cleared (retail pricing forgets what it cached). */
record MarkupChanged(OrgUnitId orgUnitId) {}

package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;

/**
 * How an org unit's calls are priced right now.
 *
 * @param plan the plan that prices the models it lists, or {@code null} when a markup is nearer
 * @param markup what prices every other call (the nearest markup on the path, else the default)
 */
public record UnitPricing(OrgUnitId orgUnit, PricePlan plan, Markup markup) {}

package dev.switchboard.ledger;

/**
 * A price plan to create.
 *
 * @param currency ISO 4217 code of every price in the plan (calls whose wholesale is in another
 *     currency fall back to the markup rule: the platform converts no currencies)
 */
public record NewPricePlan(String name, String description, String currency) {}

package dev.switchboard.gateway;

import dev.switchboard.platform.Money;
import java.time.Instant;

/**
 * The tightest budget that applies to a call and what is left on it: what the response headers say.
 *
 * @param resetsAt when its period ends, {@code null} for a one-off budget
 */
public record BudgetLeft(String budgetName, Money remaining, Instant resetsAt) {}

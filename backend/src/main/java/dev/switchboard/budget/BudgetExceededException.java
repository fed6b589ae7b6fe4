package dev.switchboard.budget;

import dev.switchboard.platform.Money;
import dev.switchboard.platform.SwitchboardException;
import java.time.Instant;
import java.util.Objects;

/**
 * A call was refused because it could take a hard budget over its limit. Carries what a 402 answer
 * names: the budget, its limit, what is left (limit − spent − held by calls in flight, never below
 * zero) and when it resets ({@code null} for a one-off budget, which never resets). On the REST API
 * (not the gateway) it is a 409.
 */
public final class BudgetExceededException extends SwitchboardException.Conflict {

    private final BudgetId budgetId;
    private final String budgetName;
    private final BudgetScope scope;
    private final Money limit;
    private final Money remaining;
    private final Money requested;
    private final Instant resetsAt;

    public BudgetExceededException(
            BudgetId budgetId,
            String budgetName,
            BudgetScope scope,
            Money limit,
            Money remaining,
            Money requested,
            Instant resetsAt) {
        this(
                message(budgetName, limit, remaining, requested, resetsAt),
                budgetId,
                budgetName,
                scope,
                limit,
                remaining,
                requested,
                resetsAt);
    }

    /** A hard budget kept in another currency than the call's: it cannot be checked, so it refuses. */
    static BudgetExceededException currencyMismatch(
            BudgetId budgetId, String budgetName, BudgetScope scope, Money limit, Money requested, Instant resetsAt) {
        return new BudgetExceededException(
                "budget '" + budgetName + "' is kept in " + limit.currency().getCurrencyCode()
                        + " and cannot hold a call priced in "
                        + requested.currency().getCurrencyCode(),
                budgetId,
                budgetName,
                scope,
                limit,
                Money.zero(limit.currency()),
                requested,
                resetsAt);
    }

    private BudgetExceededException(
            String message,
            BudgetId budgetId,
            String budgetName,
            BudgetScope scope,
            Money limit,
            Money remaining,
            Money requested,
            Instant resetsAt) {
        super(message);
        this.budgetId = Objects.requireNonNull(budgetId, "budgetId");
        this.budgetName = budgetName;
        this.scope = scope;
        this.limit = limit;
        this.remaining = remaining.micros() < 0 ? Money.zero(remaining.currency()) : remaining;
        this.requested = requested;
        this.resetsAt = resetsAt;
    }

    private static String message(String name, Money limit, Money remaining, Money requested, Instant resetsAt) {
        Money left = remaining.micros() < 0 ? Money.zero(remaining.currency()) : remaining;
        return "budget '" + name + "' (limit " + limit + ") has " + left + " left, this call may cost up to "
                + requested + (resetsAt == null ? "; it does not reset" : "; it resets at " + resetsAt);
    }

    public BudgetId budgetId() {
        return budgetId;
    }

    public String budgetName() {
        return budgetName;
    }

    public BudgetScope scope() {
        return scope;
    }

    public Money limit() {
        return limit;
    }

    /** What is left for calls now, at least zero. */
    public Money remaining() {
        return remaining;
    }

    /** The worst case the refused call asked to hold. */
    public Money requested() {
        return requested;
    }

    /** When the budget's next period begins; {@code null} if it never resets. */
    public Instant resetsAt() {
        return resetsAt;
    }
}

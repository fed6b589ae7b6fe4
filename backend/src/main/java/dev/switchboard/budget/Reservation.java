package dev.switchboard.budget;

import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The worst-case cost of one call, held on every budget that applies to it until the call is settled
 * or released (or the hold expires and is swept).
 *
 * @param amount what is held on each budget
 * @param holds one per budget that applies, empty when none does (settling still writes the ledger)
 * @param expiresAt when the sweeper releases the holds if nobody settled them
 */
public record Reservation(UUID id, String requestId, Money amount, List<Hold> holds, Instant expiresAt) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(amount, "amount");
        holds = List.copyOf(holds);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The budget with the least left after this hold: what response headers report. */
    public Optional<Hold> tightest() {
        return holds.stream().min(Comparator.comparingLong(h -> h.remaining().micros()));
    }

    /**
     * The hold on one budget.
     *
     * @param periodStart the period the hold (and the later charge) counts in
     * @param resetsAt when that period ends; {@code null} for a one-off budget
     * @param remaining limit − spent − held, this hold included, when it was granted (negative when a
     *     soft budget is overrun)
     */
    public record Hold(
            BudgetId budgetId,
            String budgetName,
            BudgetScope scope,
            Enforcement enforcement,
            Instant periodStart,
            Instant resetsAt,
            Money limit,
            Money remaining) {

        public Hold {
            Objects.requireNonNull(budgetId, "budgetId");
            Objects.requireNonNull(periodStart, "periodStart");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(remaining, "remaining");
        }
    }
}

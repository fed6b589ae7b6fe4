package dev.switchboard.gateway;

import dev.switchboard.budget.BudgetGuard;
import dev.switchboard.budget.Reservation;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.platform.Money;
import dev.switchboard.ratelimit.Permit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a call was admitted with before it went upstream: its rate-limit permit (a concurrency slot and
 * the tokens taken from the per-minute windows) and its budget reservation (the worst-case retail cost
 * held on every budget that applies). It ends exactly once: {@link #settle} writes the ledger row and,
 * in the same transaction, charges the held budgets and releases the rest; {@link #close()} releases
 * everything of a call that ended without a row.
 */
final class Admission implements AutoCloseable {

    private final Permit permit;
    private final BudgetGuard budgets;
    private final Reservation reservation;
    private final AtomicBoolean ended = new AtomicBoolean();

    Admission(Permit permit, BudgetGuard budgets, Reservation reservation) {
        this.permit = permit;
        this.budgets = budgets;
        this.reservation = reservation;
    }

    /** The call's id, fixed at admission: the reservation and the ledger row carry it. */
    String requestId() {
        return reservation.requestId();
    }

    /**
     * Writes the call's ledger row, charging its budgets in the same transaction, then frees the
     * rate-limit slot with the tokens really used.
     */
    void settle(UsageEntry entry, UsageLedger ledger) {
        if (!ended.compareAndSet(false, true)) {
            throw new IllegalStateException("call " + entry.requestId() + " was already settled or released");
        }
        try {
            if (entry.retail().currency().equals(reservation.amount().currency())) {
                budgets.settle(reservation, entry);
            } else {
                // charged in another currency than was held (a fallback across currencies): the row is
                // the truth; the holds are released, and the budgets in the held currency not charged
                budgets.release(reservation);
                ledger.record(entry);
            }
        } finally {
            if (permit != null) {
                permit.complete(entry.inputTokens() + entry.outputTokens());
            }
        }
    }

    /** The tightest budget after this call's charge (approximate under concurrency), if any applies. */
    BudgetLeft left(Money charged) {
        return reservation
                .tightest()
                .map(h -> new BudgetLeft(
                        h.budgetName(),
                        new Money(
                                h.remaining().micros()
                                        + reservation.amount().micros()
                                        - (charged.currency()
                                                        .equals(reservation
                                                                .amount()
                                                                .currency())
                                                ? charged.micros()
                                                : 0),
                                h.remaining().currency()),
                        h.resetsAt()))
                .orElse(null);
    }

    /** The tightest budget as held at admission (what a stream's headers can say before it ends). */
    BudgetLeft leftAtAdmission() {
        return reservation
                .tightest()
                .map(h -> new BudgetLeft(h.budgetName(), h.remaining(), h.resetsAt()))
                .orElse(null);
    }

    /** Releases whatever a call that ended without settling still holds; a no-op after {@link #settle}. */
    @Override
    public void close() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            budgets.release(reservation);
        } finally {
            if (permit != null) {
                permit.complete(permit.estimatedTokens());
            }
        }
    }
}

package dev.switchboard.chargeback;

import dev.switchboard.ledger.UsageSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which ledger rows make up a statement. The rule (per org unit; each unit's closes are its own):
 *
 * <ul>
 *   <li>A row belongs to the period it occurred in, unless that period was closed before the row was
 *       recorded ({@code position > the close's cut}): then it is <em>late</em> and belongs to the first
 *       later period that was still open when it was recorded (open now, or closed at a cut at or above
 *       the row's position), as a line referring to the period it occurred in.
 *   <li>So the statement of period P holds the rows that occurred in P (up to P's cut if P is closed),
 *       plus, walking back over the closed periods right before P, the rows of each such period O above
 *       the highest cut among O..P-1 (up to P's cut). The walk stops at the first open period: late
 *       rows of periods before it land there.
 * </ul>
 *
 * <p>"Recorded before the close" is decided by ledger position, not by comparing timestamps: nodes'
 * clocks differ, and a row stamped before a close may commit after it. Because every close takes a new
 * cut, cuts grow with closing time, and a row once frozen in a statement is never placed elsewhere.
 */
final class StatementSlices {

    private StatementSlices() {}

    /**
     * @param upTo the position the statement is cut at ({@link UsageSlice#UNBOUNDED} while it is open)
     * @param closedCuts the cut of every closed period of the unit, by label
     */
    static List<UsageSlice> of(BillingPeriod period, long upTo, Map<String, Long> closedCuts, PeriodCalendar calendar) {
        List<UsageSlice> slices = new ArrayList<>();
        slices.add(new UsageSlice(period.label(), period.start(), period.end(), 0, upTo));
        long floor = 0;
        for (BillingPeriod origin = calendar.previous(period);
                closedCuts.containsKey(origin.label());
                origin = calendar.previous(origin)) {
            floor = Math.max(floor, closedCuts.get(origin.label()));
            if (floor >= upTo) {
                break; // nothing recorded after these closes is in this statement
            }
            slices.add(new UsageSlice(origin.label(), origin.start(), origin.end(), floor, upTo));
        }
        return slices;
    }
}

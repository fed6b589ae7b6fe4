package dev.switchboard.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.budget.Budget;
import dev.switchboard.budget.BudgetId;
import dev.switchboard.budget.BudgetPeriod;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Enforcement;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BurnRateTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant NOV_11 = Instant.parse("2026-11-11T00:00:00Z");
    static final long USD = 1_000_000;

    private static Budget budget(BudgetPeriod period, Instant archivedAt) {
        return new Budget(
                new BudgetId(UUID.randomUUID()),
                new BudgetScope.Unit(new OrgUnitId(UUID.randomUUID())),
                "Marketing",
                Money.ofMicros(1000 * USD, "USD"),
                period,
                Enforcement.HARD,
                List.of(50, 80, 100),
                NOV_1,
                NOV_1,
                archivedAt);
    }

    private static BudgetStatus monthly(long spentMicros) {
        return new BudgetStatus(
                budget(new BudgetPeriod.Monthly(LocalDate.parse("2026-11-01")), null),
                new BudgetStatus.PeriodUsage(
                        NOV_1,
                        DEC_1,
                        Money.ofMicros(1000 * USD, "USD"),
                        Money.ofMicros(spentMicros, "USD"),
                        Money.ofMicros(0, "USD")));
    }

    @Test
    void at_the_current_rate_it_names_the_day_the_budget_runs_out() {
        // 400 in 10 days is 40 a day; the 600 left last 15 more days
        BurnRate.Outlook outlook = BurnRate.of(monthly(400 * USD), NOV_11, UTC);

        assertThat(outlook.sentence())
                .isEqualTo("At 40.00 USD a day this budget runs out on 2026-11-26 (it resets on 2026-12-01).");
        assertThat(outlook.projectedMicros()).isEqualTo(1200 * USD);
    }

    @Test
    void a_budget_that_outlasts_its_period_lasts_until_it_resets() {
        BurnRate.Outlook outlook = BurnRate.of(monthly(100 * USD), NOV_11, UTC);

        assertThat(outlook.sentence())
                .isEqualTo("At 10.00 USD a day this budget lasts until it resets on 2026-12-01"
                        + " (about 300.00 USD of 1000.00 USD by then).");
    }

    @Test
    void a_spent_budget_has_run_out_and_nothing_spent_has_no_rate() {
        assertThat(BurnRate.of(monthly(1000 * USD), NOV_11, UTC).sentence())
                .startsWith("At 100.00 USD a day this budget has run out: 1000.00 USD spent of 1000.00 USD");
        assertThat(BurnRate.of(monthly(0), NOV_11, UTC).sentence())
                .isEqualTo("Nothing spent yet in this period (it resets on 2026-12-01).");
    }

    @Test
    void small_rates_keep_their_digits() {
        assertThat(BurnRate.of(monthly(10), NOV_11, UTC).sentence()).startsWith("At 0.000001 USD a day");
    }

    @Test
    void a_one_off_budget_runs_out_on_a_day_and_an_archived_one_says_so() {
        BudgetStatus oneOff = new BudgetStatus(
                budget(new BudgetPeriod.OneOff(LocalDate.parse("2026-11-01")), null),
                new BudgetStatus.PeriodUsage(
                        NOV_1,
                        null,
                        Money.ofMicros(1000 * USD, "USD"),
                        Money.ofMicros(500 * USD, "USD"),
                        Money.ofMicros(0, "USD")));
        assertThat(BurnRate.of(oneOff, NOV_11, UTC).sentence())
                .isEqualTo("At 50.00 USD a day this budget runs out on 2026-11-21.");

        BudgetStatus archived =
                new BudgetStatus(budget(new BudgetPeriod.Monthly(LocalDate.parse("2026-11-01")), NOV_11), null);
        assertThat(BurnRate.of(archived, NOV_11, UTC).sentence()).contains("archived");
    }
}

package dev.switchboard.ui.budget;

import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.ledger.SpendForecast;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The burn-rate forecast of a budget's current period in words: the rate so far (spent ÷ time elapsed,
 * {@link SpendForecast}'s rule) and the day the budget runs out at that rate, or that it lasts until it
 * resets. Settled spend only: holds of calls in flight are not yet a rate.
 */
final class BurnRate {

    /** A one-off budget never resets; its forecast looks this far ahead. */
    static final Duration ONE_OFF_HORIZON = Duration.ofDays(3650);

    /**
     * @param sentence what the dashboard says
     * @param projectedMicros spend at the period's end at this rate (for a one-off budget: spend so far)
     */
    record Outlook(String sentence, long projectedMicros) {}

    private BurnRate() {}

    static Outlook of(BudgetStatus status, Instant now, ZoneId zone) {
        BudgetStatus.PeriodUsage period = status.current();
        if (period == null) {
            return new Outlook(
                    status.budget().archived()
                            ? "This budget is archived: it no longer applies to calls."
                            : "This budget starts on "
                                    + status.budget().period().startsOn() + ".",
                    0);
        }
        String currency = period.limit().currency().getCurrencyCode();
        long spent = period.spent().micros();
        long limit = period.limit().micros();
        boolean oneOff = period.resetsAt() == null;
        Instant end = oneOff ? period.start().plus(ONE_OFF_HORIZON) : period.resetsAt();
        SpendForecast forecast = new SpendForecast(Math.max(0, spent), limit, period.start(), end, now);
        long projected = oneOff ? spent : forecast.projectedMicros();
        String resets = oneOff ? "" : " (it resets on " + Amounts.day(period.resetsAt(), zone) + ")";
        if (spent <= 0) {
            return new Outlook("Nothing spent yet in this period" + resets + ".", projected);
        }
        String rate = "At " + Amounts.spoken(forecast.microsPerDay(), currency) + " a day";
        if (spent >= limit) {
            return new Outlook(
                    rate + " this budget has run out: " + Amounts.spoken(period.spent()) + " spent of "
                            + Amounts.spoken(period.limit()) + resets + ".",
                    projected);
        }
        Optional<Instant> exhausted = forecast.exhaustedAt();
        if (exhausted.isPresent()) {
            return new Outlook(
                    rate + " this budget runs out on " + Amounts.day(exhausted.get(), zone) + resets + ".", projected);
        }
        if (oneOff) {
            return new Outlook(rate + " this one-off budget lasts more than ten years.", projected);
        }
        return new Outlook(
                rate + " this budget lasts until it resets on " + Amounts.day(period.resetsAt(), zone)
                        + " (about " + Amounts.spoken(projected, currency) + " of "
                        + Amounts.spoken(period.limit()) + " by then).",
                projected);
    }
}

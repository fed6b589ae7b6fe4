package dev.switchboard.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Period arithmetic: which period of a budget an instant falls in. Boundaries are midnights of the
 * configured zone's calendar ({@link LocalDate#atStartOfDay(ZoneId)}: where a DST change skips
 * midnight, the day begins at the first valid time), so a month in Berlin is 743, 744 or 745 hours
 * long, as its people count it.
 */
final class PeriodCalendar {

    /** A period: [start, end); {@code end} is {@code null} when it never ends. */
    record Window(Instant start, Instant end) {
        Window {
            Objects.requireNonNull(start, "start");
        }

        boolean contains(Instant at) {
            return !at.isBefore(start) && (end == null || at.isBefore(end));
        }
    }

    private final ZoneId zone;

    PeriodCalendar(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** The period {@code at} falls in, or empty before the budget's first day. */
    Optional<Window> windowAt(BudgetPeriod period, Instant at) {
        LocalDate starts = period.startsOn();
        if (at.isBefore(midnight(starts))) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(at, zone);
        return Optional.of(
                switch (period) {
                    case BudgetPeriod.Monthly m -> span(day.withDayOfMonth(1), 1);
                    case BudgetPeriod.Quarterly q -> {
                        int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
                        yield span(LocalDate.of(day.getYear(), firstMonth, 1), 3);
                    }
                    case BudgetPeriod.Custom c -> {
                        long elapsed = ChronoUnit.DAYS.between(starts, day) / c.days() * c.days();
                        LocalDate first = starts.plusDays(elapsed);
                        yield new Window(midnight(first), midnight(first.plusDays(c.days())));
                    }
                    case BudgetPeriod.OneOff o -> new Window(midnight(starts), null);
                });
    }

    private Window span(LocalDate firstDay, int months) {
        return new Window(midnight(firstDay), midnight(firstDay.plusMonths(months)));
    }

    private Instant midnight(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}

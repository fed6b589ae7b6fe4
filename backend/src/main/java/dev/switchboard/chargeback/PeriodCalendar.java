package dev.switchboard.chargeback;

import dev.switchboard.chargeback.ChargebackProperties.Cadence;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Billing periods of one cadence in one time zone: parsing labels, the period of an instant, neighbours. */
final class PeriodCalendar {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 9998;

    private final Cadence cadence;
    private final ZoneId zone;

    PeriodCalendar(Cadence cadence, ZoneId zone) {
        this.cadence = cadence;
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    BillingPeriod containing(Instant at) {
        YearMonth month = YearMonth.from(at.atZone(zone));
        return period(cadence == Cadence.MONTHLY ? month : quarterStart(month));
    }

    /**
     * @throws ChargebackValidationException if the label is not a period of this cadence
     */
    BillingPeriod parse(String label) {
        String value = label == null ? "" : label.strip();
        Matcher m = (cadence == Cadence.MONTHLY ? MONTH : QUARTER).matcher(value);
        String expected = cadence == Cadence.MONTHLY ? "a month such as 2026-11" : "a quarter such as 2026-Q4";
        if (!m.matches()) {
            throw new ChargebackValidationException("period", "must be " + expected);
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        if (year < FIRST_YEAR || year > LAST_YEAR || number < 1 || number > 12) {
            throw new ChargebackValidationException(
                    "period", "must be " + expected + " between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return period(cadence == Cadence.MONTHLY ? YearMonth.of(year, number) : YearMonth.of(year, 3 * number - 2));
    }

    BillingPeriod previous(BillingPeriod period) {
        return containing(period.start().minusNanos(1));
    }

    BillingPeriod next(BillingPeriod period) {
        return containing(period.end());
    }

    private BillingPeriod period(YearMonth first) {
        YearMonth after = first.plusMonths(cadence == Cadence.MONTHLY ? 1 : 3);
        String label = cadence == Cadence.MONTHLY
                ? first.toString()
                : first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
        return new BillingPeriod(
                label,
                first.atDay(1).atStartOfDay(zone).toInstant(),
                after.atDay(1).atStartOfDay(zone).toInstant());
    }

    private static YearMonth quarterStart(YearMonth month) {
        return YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
    }
}

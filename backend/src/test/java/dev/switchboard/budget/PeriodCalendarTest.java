package dev.switchboard.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.budget.PeriodCalendar.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodCalendarTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    static Window window(ZoneId zone, BudgetPeriod period, String at) {
        return new PeriodCalendar(zone).windowAt(period, Instant.parse(at)).orElseThrow();
    }

    static Window window(String start, String end) {
        return new Window(Instant.parse(start), end == null ? null : Instant.parse(end));
    }

    @Test
    void a_month_runs_from_its_first_midnight_to_the_next_months() {
        BudgetPeriod monthly = new BudgetPeriod.Monthly(LONG_AGO);

        assertThat(window(UTC, monthly, "2026-01-31T23:59:59.999999999Z"))
                .isEqualTo(window("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"));
        assertThat(window(UTC, monthly, "2026-02-01T00:00:00Z"))
                .isEqualTo(window("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"));
    }

    @Test
    void february_of_a_leap_year_has_29_days() {
        assertThat(window(UTC, new BudgetPeriod.Monthly(LONG_AGO), "2028-02-29T12:00:00Z"))
                .isEqualTo(window("2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z"));
    }

    @Test
    void months_begin_at_midnight_of_the_configured_zone() {
        // 23:30 UTC on Feb 28 is already March 1st, 00:30, in Berlin (UTC+1 in winter)
        assertThat(window(BERLIN, new BudgetPeriod.Monthly(LONG_AGO), "2026-02-28T23:30:00Z"))
                .isEqualTo(window("2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z"));
        assertThat(window(BERLIN, new BudgetPeriod.Monthly(LONG_AGO), "2026-02-28T22:59:59Z"))
                .isEqualTo(window("2026-01-31T23:00:00Z", "2026-02-28T23:00:00Z"));
    }

    @Test
    void months_with_a_daylight_saving_change_are_an_hour_shorter_or_longer() {
        Window march = window(BERLIN, new BudgetPeriod.Monthly(LONG_AGO), "2026-03-15T12:00:00Z");
        Window october = window(BERLIN, new BudgetPeriod.Monthly(LONG_AGO), "2026-10-15T12:00:00Z");

        assertThat(Duration.between(march.start(), march.end())).isEqualTo(Duration.ofHours(743));
        assertThat(Duration.between(october.start(), october.end())).isEqualTo(Duration.ofHours(745));
        assertThat(october.end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z")); // back to UTC+1
    }

    @Test
    void quarters_begin_in_january_april_july_and_october() {
        BudgetPeriod quarterly = new BudgetPeriod.Quarterly(LONG_AGO);

        assertThat(window(UTC, quarterly, "2026-06-30T23:59:59Z"))
                .isEqualTo(window("2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z"));
        assertThat(window(UTC, quarterly, "2026-07-01T00:00:00Z"))
                .isEqualTo(window("2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z"));
        assertThat(window(UTC, quarterly, "2026-12-31T23:59:59Z"))
                .isEqualTo(window("2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        assertThat(window(UTC, quarterly, "2027-01-01T00:00:00Z"))
                .isEqualTo(window("2027-01-01T00:00:00Z", "2027-04-01T00:00:00Z"));
    }

    @Test
    void quarter_end_follows_the_zone_not_utc() {
        // 03:00 UTC on Oct 1st is still Sep 30th, 23:00, in New York: the third quarter
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(window(newYork, new BudgetPeriod.Quarterly(LONG_AGO), "2026-10-01T03:00:00Z"))
                .isEqualTo(window("2026-07-01T04:00:00Z", "2026-10-01T04:00:00Z"));
    }

    @Test
    void custom_periods_follow_each_other_from_their_first_day() {
        BudgetPeriod fortnight = new BudgetPeriod.Custom(LocalDate.of(2026, 1, 5), 14);

        assertThat(window(UTC, fortnight, "2026-01-05T00:00:00Z"))
                .isEqualTo(window("2026-01-05T00:00:00Z", "2026-01-19T00:00:00Z"));
        assertThat(window(UTC, fortnight, "2026-01-18T23:59:59Z"))
                .isEqualTo(window("2026-01-05T00:00:00Z", "2026-01-19T00:00:00Z"));
        assertThat(window(UTC, fortnight, "2026-01-19T00:00:00Z"))
                .isEqualTo(window("2026-01-19T00:00:00Z", "2026-02-02T00:00:00Z"));
        assertThat(window(UTC, fortnight, "2026-12-31T00:00:00Z")) // 25 periods on: Jan 5 + 350 days
                .isEqualTo(window("2026-12-21T00:00:00Z", "2027-01-04T00:00:00Z"));
    }

    @Test
    void custom_periods_count_calendar_days_across_daylight_saving() {
        BudgetPeriod week = new BudgetPeriod.Custom(LocalDate.of(2026, 3, 23), 7);

        Window spanningTheChange = window(BERLIN, week, "2026-03-27T12:00:00Z");

        assertThat(spanningTheChange).isEqualTo(window("2026-03-22T23:00:00Z", "2026-03-29T22:00:00Z"));
        assertThat(Duration.between(spanningTheChange.start(), spanningTheChange.end()))
                .isEqualTo(Duration.ofHours(7 * 24 - 1));
    }

    @Test
    void a_day_whose_midnight_is_skipped_begins_at_its_first_valid_time() {
        // Chile moves its clocks from 00:00 to 01:00 on 2026-09-06
        ZoneId santiago = ZoneId.of("America/Santiago");
        BudgetPeriod daily = new BudgetPeriod.Custom(LocalDate.of(2026, 9, 1), 1);

        assertThat(window(santiago, daily, "2026-09-06T10:00:00Z"))
                .isEqualTo(window("2026-09-06T04:00:00Z", "2026-09-07T03:00:00Z"));
        assertThat(window(santiago, daily, "2026-09-06T03:59:59Z"))
                .isEqualTo(window("2026-09-05T04:00:00Z", "2026-09-06T04:00:00Z"));
    }

    @Test
    void a_budget_does_not_apply_before_its_first_day() {
        PeriodCalendar berlin = new PeriodCalendar(BERLIN);
        BudgetPeriod monthly = new BudgetPeriod.Monthly(LocalDate.of(2026, 6, 15));

        assertThat(berlin.windowAt(monthly, Instant.parse("2026-06-14T21:59:59Z")))
                .isEmpty();
        assertThat(berlin.windowAt(monthly, Instant.parse("2026-06-14T22:00:00Z")))
                .contains(window("2026-05-31T22:00:00Z", "2026-06-30T22:00:00Z"));
    }

    @Test
    void a_one_off_budget_has_one_period_that_never_ends() {
        BudgetPeriod oneOff = new BudgetPeriod.OneOff(LocalDate.of(2026, 3, 1));

        assertThat(window(UTC, oneOff, "2031-07-01T00:00:00Z")).isEqualTo(window("2026-03-01T00:00:00Z", null));
        assertThat(new PeriodCalendar(UTC).windowAt(oneOff, Instant.parse("2026-02-28T23:59:59Z")))
                .isEmpty();
    }
}

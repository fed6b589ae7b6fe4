package dev.switchboard.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.chargeback.ChargebackProperties.Cadence;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodCalendarTest {

    final PeriodCalendar berlin = new PeriodCalendar(Cadence.MONTHLY, ZoneId.of("Europe/Berlin"));
    final PeriodCalendar utc = new PeriodCalendar(Cadence.MONTHLY, ZoneOffset.UTC);
    final PeriodCalendar quarters = new PeriodCalendar(Cadence.QUARTERLY, ZoneOffset.UTC);

    @Test
    void a_month_starts_and_ends_at_midnight_in_the_configured_zone() {
        BillingPeriod november = berlin.parse("2026-11");

        assertThat(november.start()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    }

    @Test
    void a_month_with_a_daylight_saving_change_keeps_local_midnights() {
        BillingPeriod october = berlin.parse("2026-10");

        // summer time (UTC+2) at the start, winter time (UTC+1) at the end
        assertThat(october.start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(october.end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void the_period_of_an_instant_follows_the_zone_and_is_half_open() {
        Instant lateOnNovember30Utc = Instant.parse("2026-11-30T23:30:00Z");

        assertThat(berlin.containing(lateOnNovember30Utc).label()).isEqualTo("2026-12");
        assertThat(utc.containing(lateOnNovember30Utc).label()).isEqualTo("2026-11");
        assertThat(utc.containing(Instant.parse("2026-12-01T00:00:00Z")).label())
                .isEqualTo("2026-12");
        assertThat(utc.parse("2026-11").contains(Instant.parse("2026-12-01T00:00:00Z")))
                .isFalse();
        assertThat(utc.parse("2026-11").contains(Instant.parse("2026-11-01T00:00:00Z")))
                .isTrue();
    }

    @Test
    void previous_and_next_cross_year_boundaries() {
        assertThat(utc.previous(utc.parse("2026-01")).label()).isEqualTo("2025-12");
        assertThat(utc.next(utc.parse("2026-12")).label()).isEqualTo("2027-01");
        assertThat(quarters.previous(quarters.parse("2026-Q1")).label()).isEqualTo("2025-Q4");
    }

    @Test
    void quarters_are_labelled_and_aligned_to_the_calendar() {
        BillingPeriod q4 = quarters.parse("2026-Q4");

        assertThat(q4.start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(q4.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(quarters.containing(Instant.parse("2026-11-15T00:00:00Z"))).isEqualTo(q4);
        assertThat(quarters.containing(Instant.parse("2026-03-31T23:59:59Z")).label())
                .isEqualTo("2026-Q1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"2026-13", "2026-00", "2026-Q4", "26-11", "2026-1", "november", "1999-12", "2026/11"})
    void malformed_monthly_labels_are_invalid_input_on_the_period_field(String label) {
        assertThatThrownBy(() -> utc.parse(label))
                .isInstanceOf(ChargebackValidationException.class)
                .extracting(e -> ((ChargebackValidationException) e).field())
                .isEqualTo("period");
    }

    @Test
    void a_month_label_is_not_a_quarter() {
        assertThatThrownBy(() -> quarters.parse("2026-11")).isInstanceOf(ChargebackValidationException.class);
        assertThatThrownBy(() -> quarters.parse("2026-Q5")).isInstanceOf(ChargebackValidationException.class);
    }
}

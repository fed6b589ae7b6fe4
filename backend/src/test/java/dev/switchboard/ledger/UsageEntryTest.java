package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageEntryTest {

    static final OrgUnitId UNIT = new OrgUnitId(UUID.randomUUID());
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    static UsageEntry priced(Integer markup, PricePlanId plan) {
        return new UsageEntry(
                "req-1",
                AT,
                null,
                UNIT,
                null,
                "sim-fast",
                "gpt-x",
                10,
                5,
                0,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(100, "USD"),
                Money.ofMicros(120, "USD"),
                markup,
                10,
                null,
                CallStatus.OK,
                List.of("sim-fast"),
                null,
                null,
                plan);
    }

    @Test
    void a_row_is_priced_by_a_markup_or_by_a_plan_never_both_and_never_neither() {
        PricePlanId plan = new PricePlanId(UUID.randomUUID());

        assertThat(priced(2000, null).pricePlanId()).isNull();
        assertThat(priced(null, plan).markupBasisPoints()).isNull();
        assertThatThrownBy(() -> priced(2000, plan)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> priced(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_constructors_from_before_price_plans_still_record_a_markup() {
        UsageEntry entry = new UsageEntry(
                "req-2",
                AT,
                null,
                UNIT,
                null,
                "sim-fast",
                "gpt-x",
                10,
                5,
                0,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(100, "USD"),
                Money.ofMicros(120, "USD"),
                2000,
                10,
                null,
                CallStatus.OK,
                List.of("sim-fast"));

        assertThat(entry.markupBasisPoints()).isEqualTo(2000);
        assertThat(entry.pricePlanId()).isNull();
        assertThat(entry.workflowRunId()).isNull();
    }
}

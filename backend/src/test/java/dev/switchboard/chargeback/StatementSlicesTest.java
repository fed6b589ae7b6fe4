package dev.switchboard.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chargeback.ChargebackProperties.Cadence;
import dev.switchboard.ledger.UsageSlice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatementSlicesTest {

    final PeriodCalendar calendar = new PeriodCalendar(Cadence.MONTHLY, ZoneOffset.UTC);

    /** A ledger row of the simulation: its position, the month it occurred in, and if that was open. */
    record Row(long position, String occurred, boolean recordedWhileOpen) {}

    List<UsageSlice> slices(String period, long upTo, Map<String, Long> cuts) {
        return StatementSlices.of(calendar.parse(period), upTo, cuts, calendar);
    }

    @Test
    void with_no_closed_period_before_it_a_statement_holds_only_its_own_usage() {
        assertThat(slices("2026-12", UsageSlice.UNBOUNDED, Map.of("2026-10", 50L)))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.label()).isEqualTo("2026-12");
                    assertThat(s.occurredFrom()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
                    assertThat(s.positionAbove()).isZero();
                    assertThat(s.positionAtMost()).isEqualTo(UsageSlice.UNBOUNDED);
                });
    }

    @Test
    void late_usage_of_the_closed_period_before_is_what_was_recorded_after_its_cut() {
        List<UsageSlice> december = slices("2026-12", UsageSlice.UNBOUNDED, Map.of("2026-11", 100L));

        assertThat(december).hasSize(2);
        assertThat(december.get(1).label()).isEqualTo("2026-11");
        assertThat(december.get(1).positionAbove()).isEqualTo(100);
        assertThat(december.get(1).occurredTo()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void a_run_of_closed_periods_raises_the_floor_to_the_highest_cut_on_the_way() {
        // October was closed after November (a higher cut): late October usage below 400 was not late
        List<UsageSlice> december =
                slices("2026-12", UsageSlice.UNBOUNDED, Map.of("2026-11", 300L, "2026-10", 400L, "2026-09", 100L));

        assertThat(december)
                .extracting(UsageSlice::label, UsageSlice::positionAbove)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-12", 0L),
                        org.assertj.core.groups.Tuple.tuple("2026-11", 300L),
                        org.assertj.core.groups.Tuple.tuple("2026-10", 400L),
                        org.assertj.core.groups.Tuple.tuple("2026-09", 400L));
    }

    @Test
    void the_walk_stops_at_the_first_open_period() {
        // August is open: late usage of July landed there, not in December
        List<UsageSlice> december =
                slices("2026-12", UsageSlice.UNBOUNDED, Map.of("2026-11", 10L, "2026-09", 5L, "2026-07", 1L));

        assertThat(december).extracting(UsageSlice::label).containsExactly("2026-12", "2026-11");
    }

    @Test
    void a_closing_statement_takes_usage_only_up_to_its_own_cut() {
        List<UsageSlice> december = slices("2026-12", 250, Map.of("2026-11", 100L, "2026-10", 300L));

        assertThat(december).extracting(UsageSlice::positionAtMost).containsOnly(250L);
        // October's floor (300) is above the cut: nothing of October can be in this statement
        assertThat(december).extracting(UsageSlice::label).containsExactly("2026-12", "2026-11");
    }

    /**
     * Rows are recorded and periods closed in random order (as the REST API allows); every row must end
     * up in exactly one statement, never before the period it occurred in, and in its own period if that
     * period was still open when it was recorded.
     */
    @Test
    void whatever_the_order_of_closes_every_row_lands_in_exactly_one_statement() {
        List<String> months = IntStream.rangeClosed(1, 12)
                .mapToObj(m -> "2026-%02d".formatted(m))
                .toList();
        // statements of 2027 too: late usage of a closed December lands in January
        List<String> statementMonths = IntStream.rangeClosed(1, 24)
                .mapToObj(m -> "%d-%02d".formatted(2026 + (m - 1) / 12, (m - 1) % 12 + 1))
                .toList();
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<Row> rows = new ArrayList<>();
            Map<String, Long> cuts = new HashMap<>();
            Map<String, List<Row>> frozen = new HashMap<>();
            long position = 0;
            for (int step = 0; step < 120; step++) {
                String month = months.get(random.nextInt(months.size()));
                if (random.nextInt(4) > 0 || cuts.containsKey(month)) {
                    rows.add(new Row(++position, month, !cuts.containsKey(month)));
                } else {
                    frozen.put(month, members(slices(month, position, cuts), rows));
                    cuts.put(month, position);
                }
            }
            Map<String, List<Row>> statements = new HashMap<>(frozen);
            for (String month : statementMonths) {
                statements.computeIfAbsent(month, m -> members(slices(m, UsageSlice.UNBOUNDED, cuts), rows));
            }
            for (Row row : rows) {
                List<String> holders = statementMonths.stream()
                        .filter(m -> statements.get(m).contains(row))
                        .toList();
                assertThat(holders).as("seed %d, %s", seed, row).hasSize(1);
                assertThat(holders.getFirst()).as("seed %d, %s", seed, row).isGreaterThanOrEqualTo(row.occurred());
                if (row.recordedWhileOpen()) {
                    assertThat(holders.getFirst()).as("seed %d, %s", seed, row).isEqualTo(row.occurred());
                }
            }
        }
    }

    private List<Row> members(List<UsageSlice> slices, List<Row> rows) {
        return rows.stream()
                .filter(r -> slices.stream().anyMatch(s -> matches(s, r)))
                .toList();
    }

    private boolean matches(UsageSlice s, Row row) {
        Instant at = calendar.parse(row.occurred()).start();
        return !at.isBefore(s.occurredFrom())
                && at.isBefore(s.occurredTo())
                && row.position() > s.positionAbove()
                && row.position() <= s.positionAtMost();
    }
}

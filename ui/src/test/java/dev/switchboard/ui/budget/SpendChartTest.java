package dev.switchboard.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ledger.DailySpend;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpendChartTest {

    static final LocalDate FIRST = LocalDate.parse("2026-11-01");
    static final LocalDate LAST = LocalDate.parse("2026-11-30");

    private static SpendChart.Data data(List<DailySpend> days, long limit, long projected) {
        return new SpendChart.Data(days, FIRST, LAST, LocalDate.parse("2026-11-10"), limit, projected, "USD");
    }

    private static int[] lastPoint(String svg) {
        Matcher m = Pattern.compile("class=\"spent\"[^>]*points=\"([^\"]*)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        String[] points = m.group(1).split(" ");
        String[] xy = points[points.length - 1].split(",");
        return new int[] {Integer.parseInt(xy[0]), Integer.parseInt(xy[1]), points.length};
    }

    private static int limitY(String svg) {
        Matcher m = Pattern.compile("class=\"limit\" x1=\"\\d+\" y1=\"(\\d+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void spend_is_cumulative_and_reaching_the_budget_touches_its_line() {
        String svg = SpendChart.svg(data(
                List.of(
                        new DailySpend(LocalDate.parse("2026-11-02"), "USD", 3, 10, 400_000_000),
                        new DailySpend(LocalDate.parse("2026-11-05"), "USD", 5, 10, 600_000_000)),
                1_000_000_000,
                1_000_000_000));

        int[] last = lastPoint(svg);
        assertThat(last[2]).as("origin plus two days").isEqualTo(3);
        assertThat(last[1]).as("1,000 spent of a 1,000 budget").isEqualTo(limitY(svg));
    }

    @Test
    void other_currencies_and_days_outside_the_period_are_not_drawn() {
        String svg = SpendChart.svg(data(
                List.of(
                        new DailySpend(LocalDate.parse("2026-10-31"), "USD", 1, 1, 900_000_000),
                        new DailySpend(LocalDate.parse("2026-11-03"), "EUR", 1, 1, 900_000_000),
                        new DailySpend(LocalDate.parse("2026-11-04"), "USD", 1, 1, 100_000_000)),
                1_000_000_000,
                0));

        assertThat(lastPoint(svg)[2]).isEqualTo(2);
    }

    @Test
    void labels_are_escaped() {
        assertThat(SpendChart.escape("<script>\"&'")).isEqualTo("&lt;script&gt;&quot;&amp;&#39;");
        assertThat(SpendChart.svg(data(List.of(), 1_000, 0))).doesNotContain("<script");
    }
}

package dev.switchboard.ui.budget;

import com.vaadin.flow.component.Svg;
import dev.switchboard.ledger.DailySpend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Spend against a budget over a period, drawn server-side as an SVG (Vaadin's chart component is a paid
 * one): cumulative spend per day as a solid line, the burn-rate projection to the period's end as a
 * dashed one, the budget's amount as a red rule. Pure markup built from numbers and escaped labels, so
 * nothing a user typed reaches the browser as markup.
 */
final class SpendChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 70;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 28;

    /**
     * @param days the period's usage per day, in the budget's zone and currency, oldest first
     * @param lastDay the period's last day (inclusive)
     * @param today the day the projection starts from
     * @param projectedMicros spend at the period's end at the current rate
     */
    record Data(
            List<DailySpend> days,
            LocalDate firstDay,
            LocalDate lastDay,
            LocalDate today,
            long limitMicros,
            long projectedMicros,
            String currency) {}

    private SpendChart() {}

    /**
     * The chart as a component. {@link Svg}, not {@code Html}: {@code Html} builds the root with the DOM
     * API, outside the SVG namespace and with lower-cased attribute names ({@code viewbox}), so a browser
     * would draw nothing; {@code Svg} hands the markup to the browser's parser.
     */
    static Svg of(Data data) {
        return new Svg(svg(data));
    }

    static String svg(Data d) {
        long spanDays = Math.max(1, ChronoUnit.DAYS.between(d.firstDay(), d.lastDay()) + 1);
        long top = Math.max(1, Math.max(d.limitMicros(), d.projectedMicros()));
        top = top + top / 10; // headroom above the highest line
        Scale scale = new Scale(spanDays, top);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spend-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"100%\" aria-label=\"")
                .append(escape("Spend against budget, " + d.firstDay() + " to " + d.lastDay()))
                .append("\">");
        // axes and the budget's amount
        line(svg, LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#999", null, "axis");
        line(svg, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#999", null, "axis");
        int limitY = scale.y(d.limitMicros());
        line(svg, LEFT, limitY, WIDTH - RIGHT, limitY, "#c62828", "6 4", "limit");
        label(svg, 4, limitY + 4, "budget " + amount(d.limitMicros()));
        label(svg, 4, TOP + 4, amount(top));
        label(svg, 4, HEIGHT - BOTTOM, "0");
        label(svg, LEFT, HEIGHT - 8, d.firstDay().toString());
        label(svg, WIDTH - RIGHT - 70, HEIGHT - 8, d.lastDay().toString());

        // cumulative spend at the end of each day that had usage (and 0 at the start)
        StringBuilder points = new StringBuilder();
        points.append(LEFT).append(',').append(scale.y(0));
        long cumulative = 0;
        int lastX = LEFT;
        int lastY = scale.y(0);
        for (DailySpend day : d.days()) {
            if (!day.currency().equals(d.currency())
                    || day.day().isBefore(d.firstDay())
                    || day.day().isAfter(d.lastDay())) {
                continue;
            }
            cumulative += day.retailMicros();
            lastX = scale.x(ChronoUnit.DAYS.between(d.firstDay(), day.day()) + 1);
            lastY = scale.y(cumulative);
            points.append(' ').append(lastX).append(',').append(lastY);
        }
        svg.append("<polyline class=\"spent\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"")
                .append(points)
                .append("\"/>");
        // the projection: from today's spend to the period's end at the current rate
        int todayX = scale.x(Math.min(spanDays, ChronoUnit.DAYS.between(d.firstDay(), d.today()) + 1));
        line(
                svg,
                Math.max(lastX, Math.min(todayX, WIDTH - RIGHT)),
                lastY,
                WIDTH - RIGHT,
                scale.y(d.projectedMicros()),
                "#1565c0",
                "3 3",
                "projection");
        svg.append("</svg>");
        return svg.toString();
    }

    /** Maps days and micros onto the drawing area. */
    private record Scale(long spanDays, long topMicros) {
        int x(long dayIndex) {
            return LEFT + (int) (dayIndex * (WIDTH - LEFT - RIGHT) / spanDays);
        }

        int y(long micros) {
            long clamped = Math.min(Math.max(micros, 0), topMicros);
            return HEIGHT - BOTTOM - (int) (clamped * (HEIGHT - TOP - BOTTOM) / topMicros);
        }
    }

    private static void line(StringBuilder svg, int x1, int y1, int x2, int y2, String color, String dash, String cls) {
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"%s/>",
                cls,
                x1,
                y1,
                x2,
                y2,
                color,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private static void label(StringBuilder svg, int x, int y, String text) {
        svg.append("<text x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"10\" fill=\"#555\">")
                .append(escape(text))
                .append("</text>");
    }

    /** Whole units for an axis label (pixels cannot show micros anyway). */
    private static String amount(long micros) {
        return BigDecimal.valueOf(micros, 6)
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

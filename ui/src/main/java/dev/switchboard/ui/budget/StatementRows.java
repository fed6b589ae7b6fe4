package dev.switchboard.ui.budget;

import dev.switchboard.chargeback.StatementLine;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of a statement as the chargeback view shows them: every line, or the lines summed per
 * project, model, provider or key (and currency: amounts in different currencies never add up).
 */
final class StatementRows {

    /** What the rows are grouped by. */
    enum Grouping {
        LINE("Every line"),
        PROJECT("Project"),
        MODEL("Model"),
        PROVIDER("Provider"),
        KEY("API key");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** How a line's project and key read (names where known). */
    record Labels(Function<StatementLine, String> project, Function<StatementLine, String> key) {}

    /** One row; fields the grouping sums over are empty. */
    record Row(
            String lateFrom,
            String project,
            String model,
            String provider,
            String key,
            String currency,
            long calls,
            long inputTokens,
            long cachedInputTokens,
            long outputTokens,
            long wholesaleMicros,
            long retailMicros) {

        long marginMicros() {
            return Math.subtractExact(retailMicros, wholesaleMicros);
        }

        private Row plus(Row o) {
            return new Row(
                    lateFrom,
                    project,
                    model,
                    provider,
                    key,
                    currency,
                    Math.addExact(calls, o.calls),
                    Math.addExact(inputTokens, o.inputTokens),
                    Math.addExact(cachedInputTokens, o.cachedInputTokens),
                    Math.addExact(outputTokens, o.outputTokens),
                    Math.addExact(wholesaleMicros, o.wholesaleMicros),
                    Math.addExact(retailMicros, o.retailMicros));
        }
    }

    private StatementRows() {}

    static List<Row> of(List<StatementLine> lines, Grouping grouping, Labels labels) {
        if (grouping == Grouping.LINE) {
            return lines.stream().map(l -> row(l, grouping, labels)).toList();
        }
        Map<List<String>, Row> sums = new LinkedHashMap<>();
        for (StatementLine l : lines) {
            Row row = row(l, grouping, labels);
            List<String> key = List.of(row.project(), row.model(), row.provider(), row.key(), row.currency());
            sums.merge(key, row, Row::plus);
        }
        return sums.values().stream()
                .sorted(Comparator.comparingLong(Row::retailMicros).reversed())
                .toList();
    }

    private static Row row(StatementLine l, Grouping g, Labels labels) {
        boolean all = g == Grouping.LINE;
        return new Row(
                all && l.late() ? l.lateFromPeriod() : "",
                all || g == Grouping.PROJECT ? labels.project().apply(l) : "",
                all || g == Grouping.MODEL ? l.model() : "",
                all || g == Grouping.PROVIDER ? nonNull(l.providerId(), "(none served)") : "",
                all || g == Grouping.KEY ? labels.key().apply(l) : "",
                l.currency(),
                l.calls(),
                l.inputTokens(),
                l.cachedInputTokens(),
                l.outputTokens(),
                l.wholesaleMicros(),
                l.retailMicros());
    }

    private static String nonNull(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}

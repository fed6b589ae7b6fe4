package dev.switchboard.chargeback;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The sum of a statement's lines in one currency. */
public record StatementTotal(
        String currency,
        long calls,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens,
        long wholesaleMicros,
        long retailMicros) {

    public long marginMicros() {
        return Math.subtractExact(retailMicros, wholesaleMicros);
    }

    /** Per currency, in currency order; exact (an overflow throws rather than wraps). */
    static List<StatementTotal> of(List<StatementLine> lines) {
        Map<String, StatementTotal> totals = new TreeMap<>();
        for (StatementLine l : lines) {
            totals.merge(
                    l.currency(),
                    new StatementTotal(
                            l.currency(),
                            l.calls(),
                            l.inputTokens(),
                            l.cachedInputTokens(),
                            l.outputTokens(),
                            l.wholesaleMicros(),
                            l.retailMicros()),
                    StatementTotal::plus);
        }
        return List.copyOf(totals.values());
    }

    private StatementTotal plus(StatementTotal o) {
        return new StatementTotal(
                currency,
                Math.addExact(calls, o.calls),
                Math.addExact(inputTokens, o.inputTokens),
                Math.addExact(cachedInputTokens, o.cachedInputTokens),
                Math.addExact(outputTokens, o.outputTokens),
                Math.addExact(wholesaleMicros, o.wholesaleMicros),
                Math.addExact(retailMicros, o.retailMicros));
    }
}

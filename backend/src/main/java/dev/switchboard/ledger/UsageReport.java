package dev.switchboard.ledger;

import java.util.List;

/** The rows a {@link UsageQuery} asked for, newest first, and totals over every matching row. */
public record UsageReport(List<UsageEntry> entries, List<Totals> totals) {

    /** Totals in one currency. */
    public record Totals(
            String currency,
            long calls,
            long inputTokens,
            long outputTokens,
            long cachedTokens,
            long wholesaleMicros,
            long retailMicros) {

        public long marginMicros() {
            return retailMicros - wholesaleMicros;
        }
    }

    public UsageReport {
        entries = List.copyOf(entries);
        totals = List.copyOf(totals);
    }
}

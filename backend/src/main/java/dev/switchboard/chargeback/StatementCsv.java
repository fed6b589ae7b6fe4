package dev.switchboard.chargeback;

import dev.switchboard.org.OrgUnitId;
import java.util.Map;
import java.util.UUID;

/**
 * A statement as CSV: one row per line ({@code usage} or {@code late}), then one {@code total} row per
 * currency. Amounts are decimals in the currency's units with six places, derived from the micros.
 */
final class StatementCsv {

    static final String HEADER = "period,org_unit_id,org_unit,status,row_type,late_from_period,project_id,project,"
            + "model,provider,api_key_id,currency,calls,input_tokens,cached_input_tokens,output_tokens,"
            + "wholesale,retail,margin";

    private StatementCsv() {}

    /** @param names org unit names by id (for the unit and its projects) */
    static String render(Statement s, Map<OrgUnitId, String> names) {
        Csv csv = new Csv();
        for (String column : HEADER.split(",")) {
            csv.text(column);
        }
        csv.endRow();
        for (StatementLine l : s.lines()) {
            start(csv, s, names)
                    .text(l.late() ? "late" : "usage")
                    .text(l.lateFromPeriod())
                    .text(l.projectId() == null ? null : l.projectId().toString())
                    .text(l.projectId() == null ? null : names.get(l.projectId()))
                    .text(l.model())
                    .text(l.providerId())
                    .text(l.apiKeyId() == null ? null : l.apiKeyId().toString())
                    .text(l.currency())
                    .number(l.calls())
                    .number(l.inputTokens())
                    .number(l.cachedInputTokens())
                    .number(l.outputTokens())
                    .micros(l.wholesaleMicros())
                    .micros(l.retailMicros())
                    .micros(l.marginMicros())
                    .endRow();
        }
        for (StatementTotal t : s.totals()) {
            start(csv, s, names)
                    .text("total")
                    .text(null)
                    .text(null)
                    .text(null)
                    .text(null)
                    .text(null)
                    .text(null)
                    .text(t.currency())
                    .number(t.calls())
                    .number(t.inputTokens())
                    .number(t.cachedInputTokens())
                    .number(t.outputTokens())
                    .micros(t.wholesaleMicros())
                    .micros(t.retailMicros())
                    .micros(t.marginMicros())
                    .endRow();
        }
        return csv.toString();
    }

    static String fileName(Statement s) {
        return "chargeback-" + s.orgUnitId() + "-" + s.period().label() + ".csv";
    }

    private static Csv start(Csv csv, Statement s, Map<OrgUnitId, String> names) {
        UUID unit = s.orgUnitId().value();
        return csv.text(s.period().label())
                .text(unit.toString())
                .text(names.get(s.orgUnitId()))
                .text(s.closed() ? "closed" : "open");
    }
}

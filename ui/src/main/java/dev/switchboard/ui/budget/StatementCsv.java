package dev.switchboard.ui.budget;

import dev.switchboard.chargeback.Statement;
import dev.switchboard.chargeback.StatementLine;
import dev.switchboard.chargeback.StatementTotal;
import dev.switchboard.org.OrgUnitId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A statement as CSV for the browser download, in the same columns as the REST export ({@code
 * /api/v1/chargeback/statements/export}), which the browser cannot use: the API chain is stateless and
 * does not read the UI's session. RFC 4180 (CRLF, quoting); amounts as decimals with six places from the
 * micros; text a spreadsheet would run as a formula gets a leading apostrophe (names come from users).
 */
final class StatementCsv {

    static final String HEADER = "period,org_unit_id,org_unit,status,row_type,late_from_period,project_id,project,"
            + "model,provider,api_key_id,currency,calls,input_tokens,cached_input_tokens,output_tokens,"
            + "wholesale,retail,margin";

    private StatementCsv() {}

    /** @param unitName org unit names by id (for the unit and its projects) */
    static String render(Statement s, Function<OrgUnitId, String> unitName) {
        StringBuilder out = new StringBuilder();
        row(out, List.of(HEADER.split(",")));
        for (StatementLine l : s.lines()) {
            List<String> cells = start(s, unitName);
            cells.addAll(List.of(
                    l.late() ? "late" : "usage",
                    text(l.lateFromPeriod()),
                    l.projectId() == null ? "" : l.projectId().toString(),
                    l.projectId() == null ? "" : text(unitName.apply(l.projectId())),
                    text(l.model()),
                    text(l.providerId()),
                    l.apiKeyId() == null ? "" : l.apiKeyId().toString(),
                    l.currency(),
                    Long.toString(l.calls()),
                    Long.toString(l.inputTokens()),
                    Long.toString(l.cachedInputTokens()),
                    Long.toString(l.outputTokens()),
                    decimal(l.wholesaleMicros()),
                    decimal(l.retailMicros()),
                    decimal(l.marginMicros())));
            row(out, cells);
        }
        for (StatementTotal t : s.totals()) {
            List<String> cells = start(s, unitName);
            cells.addAll(List.of(
                    "total",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    t.currency(),
                    Long.toString(t.calls()),
                    Long.toString(t.inputTokens()),
                    Long.toString(t.cachedInputTokens()),
                    Long.toString(t.outputTokens()),
                    decimal(t.wholesaleMicros()),
                    decimal(t.retailMicros()),
                    decimal(t.marginMicros())));
            row(out, cells);
        }
        return out.toString();
    }

    static String fileName(Statement s) {
        return "chargeback-" + s.orgUnitId() + "-" + s.period().label() + ".csv";
    }

    private static List<String> start(Statement s, Function<OrgUnitId, String> unitName) {
        return new ArrayList<>(List.of(
                s.period().label(),
                s.orgUnitId().toString(),
                text(unitName.apply(s.orgUnitId())),
                s.closed() ? "closed" : "open"));
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }

    /** Free text: neutralised if a spreadsheet would run it, quoted if it needs quotes. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean needsQuotes =
                safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static String decimal(long micros) {
        return BigDecimal.valueOf(micros, Amounts.MICRO_SCALE).toPlainString();
    }
}

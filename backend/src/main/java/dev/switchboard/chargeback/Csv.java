package dev.switchboard.chargeback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break, quotes inside doubled. Text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets a leading apostrophe: names come from users.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();
    private final List<String> row = new ArrayList<>();

    /** Free text (names, ids); {@code null} is an empty field. */
    Csv text(String value) {
        if (value == null) {
            row.add("");
        } else if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            row.add(quoted("'" + value));
        } else {
            row.add(quoted(value));
        }
        return this;
    }

    Csv number(long value) {
        row.add(Long.toString(value));
        return this;
    }

    /** An amount of micro-units as a decimal with six places ({@code -0.000150}): exact, no floating point. */
    Csv micros(long micros) {
        row.add(decimal(micros));
        return this;
    }

    Csv endRow() {
        out.append(String.join(",", row)).append("\r\n");
        row.clear();
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String decimal(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }

    private static String quoted(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}

package dev.switchboard.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chargeback.BillingPeriod;
import dev.switchboard.chargeback.Statement;
import dev.switchboard.chargeback.StatementLine;
import dev.switchboard.org.OrgUnitId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementCsvTest {

    @Test
    void lines_then_totals_with_exact_amounts_and_names_that_cannot_run_as_formulas() {
        OrgUnitId unit = new OrgUnitId(UUID.randomUUID());
        OrgUnitId project = new OrgUnitId(UUID.randomUUID());
        Statement s = new Statement(
                null,
                unit,
                new BillingPeriod(
                        "2026-11", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")),
                "UTC",
                Statement.Status.OPEN,
                Instant.parse("2026-11-28T00:00:00Z"),
                null,
                null,
                List.of(
                        new StatementLine(
                                null, project, "gpt, large", "sim-mid", null, "USD", 2, 100, 10, 50, 150, 200),
                        new StatementLine("2026-10", null, "m", "sim-mid", null, "USD", 1, 1, 0, 1, 300, 250)));

        String csv = StatementCsv.render(s, id -> id.equals(unit) ? "Marketing" : "=HYPERLINK(\"x\")");

        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(4);
        assertThat(rows[0]).isEqualTo(StatementCsv.HEADER);
        assertThat(rows[1])
                .startsWith("2026-11," + unit + ",Marketing,open,usage,," + project + ",\"'=HYPERLINK(\"\"x\"\")\",")
                .contains(",\"gpt, large\",sim-mid,,USD,2,100,10,50,0.000150,0.000200,0.000050");
        assertThat(rows[2]).contains(",late,2026-10,").endsWith("0.000300,0.000250,-0.000050");
        assertThat(rows[3]).contains(",total,").endsWith("USD,3,101,10,51,0.000450,0.000450,0.000000");
        assertThat(StatementCsv.fileName(s)).isEqualTo("chargeback-" + unit + "-2026-11.csv");
    }
}

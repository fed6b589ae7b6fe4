package dev.switchboard.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chargeback.Statement.Status;
import dev.switchboard.org.OrgUnitId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_with_inner_quotes_doubled() {
        String csv = new Csv()
                .text("plain")
                .text("Research, \"Alpha\"")
                .text("two\nlines")
                .text("cr\rhere")
                .text(null)
                .text("")
                .endRow()
                .toString();

        assertThat(csv).isEqualTo("plain,\"Research, \"\"Alpha\"\"\",\"two\nlines\",\"cr\rhere\",,\r\n");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_neutralised() {
        String csv = new Csv()
                .text("=HYPERLINK(\"x\")")
                .text("+1")
                .text("-2")
                .text("@SUM(A1)")
                .text("a=b")
                .endRow()
                .toString();

        assertThat(csv).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),a=b\r\n");
    }

    @Test
    void micros_become_exact_six_place_decimals_and_negative_numbers_stay_numbers() {
        String csv = new Csv()
                .micros(1_200_000)
                .micros(1)
                .micros(-150)
                .micros(0)
                .micros(Long.MAX_VALUE)
                .number(-3)
                .endRow()
                .toString();

        assertThat(csv).isEqualTo("1.200000,0.000001,-0.000150,0.000000,9223372036854.775807,-3\r\n");
    }

    @Test
    void a_statement_renders_a_header_its_lines_and_a_total_per_currency() {
        OrgUnitId unit = new OrgUnitId(UUID.randomUUID());
        OrgUnitId project = new OrgUnitId(UUID.randomUUID());
        Statement statement = new Statement(
                null,
                unit,
                new BillingPeriod(
                        "2026-11", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")),
                "UTC",
                Status.OPEN,
                Instant.parse("2026-11-20T00:00:00Z"),
                null,
                null,
                List.of(
                        new StatementLine(null, project, "gpt-x", "openai", null, "USD", 2, 100, 10, 50, 1_000, 1_200),
                        new StatementLine("2026-10", null, "gpt-x", "openai", null, "USD", 1, 10, 0, 5, 500, 400),
                        new StatementLine(null, null, "glm", "zhipu", null, "CNY", 1, 1, 0, 1, 7, 9)));

        List<String> rows = List.of(StatementCsv.render(statement, Map.of(unit, "Team, A", project, "Proj"))
                .split("\r\n"));

        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).isEqualTo(StatementCsv.HEADER);
        assertThat(rows.get(1))
                .isEqualTo("2026-11," + unit + ",\"Team, A\",open,usage,," + project
                        + ",Proj,gpt-x,openai,,USD,2,100,10,50,0.001000,0.001200,0.000200");
        assertThat(rows.get(2)).contains(",late,2026-10,,,gpt-x,").endsWith(",0.000500,0.000400,-0.000100");
        assertThat(rows.get(3)).contains(",usage,").contains(",CNY,");
        // totals in currency order
        assertThat(rows.get(5)).contains(",total,").endsWith(",USD,3,110,10,55,0.001500,0.001600,0.000100");
        assertThat(rows.get(4))
                .isEqualTo("2026-11," + unit + ",\"Team, A\",open,total,,,,,,,CNY,1,1,0,1,0.000007,0.000009,0.000002");
    }
}

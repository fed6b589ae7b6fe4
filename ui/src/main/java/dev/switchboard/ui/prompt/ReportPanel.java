package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.switchboard.prompt.TestReport;
import dev.switchboard.prompts.CheckResult;
import dev.switchboard.prompts.OutputCheck;
import dev.switchboard.ui.gateway.Formats;

/**
 * One version's run against the test cases: how many passed, then per case pass or fail, each check's
 * outcome with its reason, the answer and its cost (or why the case could not run). Ids name the version
 * and the case's position: {@code report-v2-case-0-check-1}.
 */
final class ReportPanel extends VerticalLayout {

    ReportPanel(TestReport report) {
        String id = "report-v" + report.version();
        setId(id);
        setPadding(false);
        addClassName("sb-result");
        H3 title = new H3("Version " + report.version() + ": " + report.passedCount() + " of "
                + report.cases().size() + " passed");
        title.setId(id + "-summary");
        add(title);
        for (int i = 0; i < report.cases().size(); i++) {
            add(caseResult(id + "-case-" + i, report.cases().get(i)));
        }
    }

    static String describe(OutputCheck check) {
        return switch (check) {
            case OutputCheck.Contains c -> "contains '" + c.text() + "'" + (c.ignoreCase() ? " (any case)" : "");
            case OutputCheck.Matches m -> "matches /" + m.pattern() + "/";
            case OutputCheck.ValidJson j -> "valid JSON against the schema";
        };
    }

    private static VerticalLayout caseResult(String id, TestReport.CaseResult result) {
        VerticalLayout box = new VerticalLayout();
        box.setId(id);
        box.setPadding(false);
        box.setSpacing(false);
        Badge verdict = new Badge(result.passed() ? "Pass" : "Fail");
        verdict.setId(id + "-verdict");
        verdict.addThemeVariants(result.passed() ? BadgeVariant.SUCCESS : BadgeVariant.ERROR);
        box.add(new HorizontalLayout(new H4(result.name() + " · " + result.model()), verdict));
        if (result.error() != null) {
            Paragraph error = new Paragraph(result.error());
            error.setId(id + "-error");
            error.addClassName("sb-error");
            box.add(error);
            return box;
        }
        for (int i = 0; i < result.checks().size(); i++) {
            CheckResult check = result.checks().get(i);
            Paragraph line =
                    new Paragraph((check.passed() ? "✓ " : "✗ ") + describe(check.check()) + ": " + check.detail());
            line.setId(id + "-check-" + i);
            line.addClassName(check.passed() ? "sb-quiet" : "sb-error");
            box.add(line);
        }
        Paragraph output = new Paragraph(result.output());
        output.setId(id + "-output");
        output.addClassName("sb-answer");
        box.add(output);
        if (result.cost() != null) {
            box.add(new Paragraph("Cost: " + Formats.money(result.cost())));
        }
        return box;
    }
}

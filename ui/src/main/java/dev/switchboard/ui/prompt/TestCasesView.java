package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptPlayground;
import dev.switchboard.prompt.PromptSummary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompt.TestCase;
import dev.switchboard.prompt.TestReport;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.FormValues;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prompts → a template's test cases: the saved cases with their checks, and a version run against all
 * of them (each on its model, charged like a playground run), pass or fail per case and per check with
 * the answer. A second version runs alongside to compare the two before publishing.
 */
@Route(value = "prompts/:id/tests", layout = MainLayout.class)
@PageTitle("Prompt test cases | Switchboard")
@PermitAll
public class TestCasesView extends PromptPage {

    private final PromptPlayground playground;
    private final Grid<TestCase> grid = new Grid<>();
    private final Select<Integer> version = new Select<>();
    private final Select<Integer> compareWith = new Select<>();
    private final HorizontalLayout reports = new HorizontalLayout();
    private final Button run = new Button("Run test cases", click -> runTests());
    private PromptSummary summary;

    TestCasesView(PromptLibrary library, PromptScope scope, PromptPlayground playground) {
        super(library, scope);
        this.playground = playground;
        grid.setId("cases-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(TestCase::name).setHeader("Test case").setKey("name").setFlexGrow(2);
        grid.addColumn(c -> c.model() == null ? "the version's model" : c.model())
                .setHeader("Model")
                .setKey("model");
        grid.addColumn(c -> c.checks().stream().map(ReportPanel::describe).collect(Collectors.joining("; ")))
                .setHeader("Checks")
                .setKey("checks")
                .setFlexGrow(3);
        grid.addColumn(c -> c.inputs().entrySet().stream()
                        .map(e -> e.getKey() + " = " + FormValues.text(e.getValue()))
                        .collect(Collectors.joining("; ")))
                .setHeader("Inputs")
                .setKey("inputs")
                .setFlexGrow(3);
        version.setId("cases-version");
        version.setLabel("Run version");
        compareWith.setId("cases-compare");
        compareWith.setLabel("Compare with (optional)");
        compareWith.setEmptySelectionAllowed(true);
        compareWith.setEmptySelectionCaption("none");
        run.setId("cases-run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        run.setDisableOnClick(true);
        reports.setId("cases-reports");
        reports.setWidthFull();
        reports.setAlignItems(FlexComponent.Alignment.START);
    }

    @Override
    void build(PromptSummary shown) {
        this.summary = shown;
        List<TestCase> cases = playground.testCases(shown.id());
        grid.setItems(cases);
        List<Integer> numbers = library.versions(shown.id()).reversed().stream()
                .map(PromptVersion::number)
                .toList();
        version.setItems(numbers);
        version.setValue(numbers.getFirst());
        compareWith.setItems(numbers);
        compareWith.setValue(null);
        reports.removeAll();
        add(grid);
        if (cases.isEmpty()) {
            Paragraph none = new Paragraph("No test cases yet: run the template in the playground and save a run.");
            none.setId("cases-none");
            add(none);
        }
        HorizontalLayout bar = new HorizontalLayout(version, compareWith);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (scope.runner()) {
            bar.add(run);
        }
        if (scope.canEdit(shown.orgUnitId())) {
            Button delete = new Button("Delete test case", click -> delete());
            delete.setId("cases-delete");
            delete.addThemeVariants(ButtonVariant.ERROR);
            bar.add(delete);
        }
        add(bar, reports);
    }

    private void runTests() {
        try {
            reports.removeAll();
            if (version.getValue() == null) {
                Toasts.problem("Choose the version to run.");
                return;
            }
            List<Integer> runs =
                    compareWith.getValue() == null || compareWith.getValue().equals(version.getValue())
                            ? List.of(version.getValue())
                            : List.of(version.getValue(), compareWith.getValue());
            for (int number : runs) {
                TestReport report = Attempts.attempt(() -> playground.runTests(summary.id(), number, null));
                if (report == null) {
                    return;
                }
                reports.add(new ReportPanel(report));
            }
        } finally {
            run.setEnabled(true);
        }
    }

    private void delete() {
        TestCase chosen = grid.getSelectedItems().stream().findFirst().orElse(null);
        if (chosen == null) {
            Toasts.problem("Choose the test case to delete in the table.");
            return;
        }
        if (Attempts.done(() -> playground.deleteTestCase(summary.id(), chosen.id()))) {
            Toasts.success("Deleted test case '" + chosen.name() + "'");
            reload();
        }
    }
}

package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.prompt.ModelEstimate;
import dev.switchboard.prompt.ModelRun;
import dev.switchboard.prompt.PlaygroundRun;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptPlayground;
import dev.switchboard.prompt.PromptSummary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.RenderedPrompt;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.ValuesForm;
import dev.switchboard.ui.gateway.Formats;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Prompts → a template's playground: values typed into a form made from its variables, the messages as
 * they would be sent, the expected tokens and cost on each chosen model before anything runs, and a run
 * on one to four models side by side through the router, charged to the person's org unit. A run can be
 * kept as a test case.
 */
@Route(value = "prompts/:id/playground", layout = MainLayout.class)
@PageTitle("Prompt playground | Switchboard")
@PermitAll
public class PlaygroundView extends PromptPage {

    static final int MAX_MODELS = 4;

    private final PromptPlayground playground;
    private final List<String> modelNames;
    private final Select<PromptVersion> version = new Select<>();
    private final Div values = new Div();
    private final Div preview = new Div();
    private final MultiSelectComboBox<String> models = new MultiSelectComboBox<>("Models (1 to 4)");
    private final Grid<ModelEstimate> estimates = new Grid<>();
    private final Paragraph charged = new Paragraph();
    private final HorizontalLayout results = new HorizontalLayout();
    private final Button runButton = new Button("Run", click -> run());
    private PromptSummary summary;
    private ValuesForm form;

    PlaygroundView(PromptLibrary library, PromptScope scope, PromptPlayground playground, Catalog catalog) {
        super(library, scope);
        this.playground = playground;
        this.modelNames = ModelNames.of(catalog);
        version.setId("playground-version");
        version.setLabel("Version");
        version.setItemLabelGenerator(v -> "v" + v.number() + (v.published() ? " (published)" : " (draft)"));
        version.addValueChangeListener(change -> showVersion());
        preview.setId("playground-preview");
        models.setId("playground-models");
        models.setItems(modelNames);
        models.setAllowCustomValue(true);
        models.addCustomValueSetListener(typed -> {
            List<String> chosen = new ArrayList<>(models.getValue());
            chosen.add(typed.getDetail());
            models.setValue(chosen);
        });
        models.setWidth("32rem");
        configureEstimates();
        charged.setId("playground-charged");
        results.setId("playground-results");
        results.setWrap(true);
        results.setAlignItems(FlexComponent.Alignment.START);
    }

    @Override
    void build(PromptSummary shown) {
        this.summary = shown;
        List<PromptVersion> versions = library.versions(shown.id()).reversed();
        Button estimate = new Button("Estimate cost", click -> estimate());
        estimate.setId("playground-estimate");
        runButton.setId("playground-run");
        runButton.addThemeVariants(ButtonVariant.PRIMARY);
        runButton.setDisableOnClick(true);
        HorizontalLayout bar = new HorizontalLayout(models, estimate);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (scope.runner()) {
            bar.add(runButton);
        } else {
            Paragraph note =
                    new Paragraph("Only platform admins, designers and operators run prompts: runs cost money.");
            note.setId("playground-not-allowed");
            add(note);
        }
        estimates.setVisible(false);
        charged.setVisible(false);
        results.removeAll();
        add(version, values, new H3("Messages as sent"), preview, bar, estimates, charged, results);
        version.setItems(versions);
        version.setValue(versions.getFirst());
    }

    private void configureEstimates() {
        estimates.setId("playground-estimates");
        estimates.setAllRowsVisible(true);
        estimates.addColumn(ModelEstimate::model).setHeader("Model").setKey("model");
        estimates
                .addColumn(e -> e.ok() ? e.providerId() + " as " + e.servedModel() : e.error())
                .setHeader("Would be served by")
                .setKey("served")
                .setFlexGrow(2);
        estimates
                .addColumn(e -> RunCard.count(e.promptTokens()))
                .setHeader("Prompt tokens")
                .setKey("promptTokens");
        estimates
                .addColumn(e -> RunCard.count(e.assumedOutputTokens()))
                .setHeader("Output tokens (at most)")
                .setKey("outputTokens");
        estimates
                .addColumn(e -> e.ok() ? Formats.money(e.estimatedCost()) : "")
                .setHeader("Estimated cost")
                .setKey("cost");
    }

    private void showVersion() {
        PromptVersion chosen = version.getValue();
        values.removeAll();
        if (chosen == null) {
            return;
        }
        form = new ValuesForm(chosen.template().variables(), this::render);
        form.setId("playground-values");
        values.add(form);
        models.setValue(List.of(chosen.template().settings().model()));
        render();
    }

    /** Shows the messages as they would be sent with the values typed so far, or what stops them. */
    private void render() {
        preview.removeAll();
        Optional<Map<String, JsonNode>> typed = form.values();
        if (typed.isEmpty()) {
            preview.add(note("Some values do not read as their type; see the marked inputs."));
            return;
        }
        try {
            RenderedPrompt rendered = playground.render(summary.id(), number(), typed.get());
            for (int i = 0; i < rendered.messages().size(); i++) {
                RenderedPrompt.Message m = rendered.messages().get(i);
                Paragraph line =
                        new Paragraph(m.role().wire() + (m.example() ? " (example)" : "") + ": " + m.content());
                line.setId("preview-" + i);
                line.addClassName("sb-answer");
                preview.add(line);
            }
        } catch (PromptException incomplete) {
            form.show(incomplete.problems());
            incomplete.problems().forEach(p -> preview.add(note(ProblemTargets.describe(p))));
        }
    }

    private void estimate() {
        List<String> chosen = chosenModels();
        Map<String, JsonNode> typed = form.values().orElse(null);
        if (chosen == null || typed == null) {
            return;
        }
        List<ModelEstimate> found = attempt(() -> playground.estimate(summary.id(), number(), typed, chosen, null));
        if (found != null) {
            estimates.setItems(found);
            estimates.setVisible(true);
        }
    }

    private void run() {
        try {
            results.removeAll();
            List<String> chosen = chosenModels();
            Map<String, JsonNode> typed = form.values().orElse(null);
            if (chosen != null && typed != null) {
                show(attempt(() -> playground.run(summary.id(), number(), typed, chosen, null)), typed);
            }
        } finally {
            runButton.setEnabled(true);
        }
    }

    private void show(PlaygroundRun run, Map<String, JsonNode> typed) {
        if (run == null) {
            return;
        }
        charged.setText("Charged to " + scope.label(run.chargedTo()) + "; every call is in the usage ledger.");
        charged.setVisible(true);
        boolean keeps = scope.canEdit(summary.orgUnitId());
        for (int i = 0; i < run.runs().size(); i++) {
            ModelRun one = run.runs().get(i);
            Runnable save = keeps && one.ok()
                    ? () -> new TestCaseDialog(playground, summary.id(), typed, one.model()).open()
                    : null;
            results.add(new RunCard(i, one, save));
        }
    }

    /** The chosen models, or {@code null} after saying why there are too few or too many. */
    private List<String> chosenModels() {
        List<String> chosen = List.copyOf(models.getSelectedItems());
        if (chosen.isEmpty() || chosen.size() > MAX_MODELS) {
            models.setErrorMessage("Choose one to " + MAX_MODELS + " models");
            models.setInvalid(true);
            return null;
        }
        models.setInvalid(false);
        return chosen;
    }

    private Integer number() {
        return version.getValue() == null ? null : version.getValue().number();
    }

    private <T> T attempt(Supplier<T> call) {
        return Attempts.attempt(call, invalid -> {
            form.show(invalid.problems());
            Toasts.problem(ExpectedProblems.sentence(invalid.getMessage()));
        });
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("sb-error");
        return note;
    }
}

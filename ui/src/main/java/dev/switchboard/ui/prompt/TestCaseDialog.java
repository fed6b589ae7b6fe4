package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.prompt.PromptId;
import dev.switchboard.prompt.PromptPlayground;
import dev.switchboard.prompt.TestCase;
import dev.switchboard.prompts.OutputCheck;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Saves a playground run's inputs as a test case, with the checks its answer must pass: contains a text,
 * matches a regular expression, is JSON valid against the template's schema. The run's model is kept.
 */
final class TestCaseDialog extends Dialog {

    private final PromptPlayground playground;
    private final PromptId id;
    private final Map<String, JsonNode> inputs;
    private final String model;
    private final TextField name = new TextField("Name");
    private final TextField contains = new TextField("The answer contains");
    private final Checkbox ignoreCase = new Checkbox("Ignore case");
    private final TextField regex = new TextField("The answer matches (regular expression)");
    private final Checkbox validJson = new Checkbox("The answer is JSON valid against the template's schema");

    TestCaseDialog(PromptPlayground playground, PromptId id, Map<String, JsonNode> inputs, String model) {
        this.playground = playground;
        this.id = id;
        this.inputs = Map.copyOf(inputs);
        this.model = model;
        setHeaderTitle("Save as test case (model " + model + ")");
        name.setId("case-name");
        contains.setId("case-contains");
        ignoreCase.setId("case-ignore-case");
        regex.setId("case-regex");
        validJson.setId("case-json");
        for (TextField field : List.of(name, contains, regex)) {
            field.setManualValidation(true);
        }
        FormLayout form = new FormLayout(name, contains, ignoreCase, regex, validJson);
        form.setColspan(name, 2);
        add(form);
        Button save = new Button("Save test case", click -> save());
        save.setId("case-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private void save() {
        List<OutputCheck> checks = new ArrayList<>();
        try {
            if (!contains.getValue().isEmpty()) {
                checks.add(new OutputCheck.Contains(contains.getValue(), ignoreCase.getValue()));
            }
            if (!regex.getValue().isEmpty()) {
                checks.add(new OutputCheck.Matches(regex.getValue()));
            }
        } catch (IllegalArgumentException invalid) {
            regex.setErrorMessage(ExpectedProblems.sentence(invalid.getMessage()));
            regex.setInvalid(true);
            return;
        }
        if (validJson.getValue()) {
            checks.add(new OutputCheck.ValidJson());
        }
        TestCase saved = Attempts.attempt(() -> {
            try {
                return playground.saveTestCase(id, name.getValue(), inputs, checks, model);
            } catch (SwitchboardException.InvalidInput invalid) {
                TextField field = "name".equals(invalid.field()) ? name : contains;
                field.setErrorMessage(ExpectedProblems.sentence(invalid.getMessage()));
                field.setInvalid(true);
                return null;
            }
        });
        if (saved == null) {
            return;
        }
        close();
        Toasts.success(
                "Saved test case '" + saved.name() + "' with " + saved.checks().size() + " checks");
    }
}

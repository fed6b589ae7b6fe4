package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.switchboard.prompts.ModelSettings;
import dev.switchboard.prompts.PromptMessage;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.prompts.PromptTemplate;
import dev.switchboard.prompts.Variable;
import dev.switchboard.ui.form.FormValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A whole template as inputs: about (name, description, tags), model settings, variables and messages.
 * It builds the template as typed and puts each problem on the input it is about.
 */
final class TemplateForm extends VerticalLayout {

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final TextField tags = new TextField("Tags");
    private final SettingsForm settings;
    private final VariablesPanel variables;
    private final MessagesPanel messages;
    private String key = "";
    private boolean filling;

    TemplateForm(List<String> modelNames, Runnable onTyped) {
        // filling sets every input: one check afterwards, not one per input
        Runnable onChange = () -> {
            if (!filling) {
                onTyped.run();
            }
        };
        setPadding(false);
        name.setId("editor-name");
        description.setId("editor-description");
        tags.setId("editor-tags");
        tags.setHelperText("comma-separated");
        for (var field : List.of(name, tags)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        description.setValueChangeMode(ValueChangeMode.LAZY);
        name.setManualValidation(true);
        tags.setManualValidation(true);
        name.addValueChangeListener(change -> onChange.run());
        description.addValueChangeListener(change -> onChange.run());
        tags.addValueChangeListener(change -> onChange.run());
        FormLayout about = new FormLayout(name, tags, description);
        about.setColspan(description, 2);
        settings = new SettingsForm(modelNames, onChange);
        variables = new VariablesPanel(onChange);
        messages = new MessagesPanel(onChange);
        add(about, messages, variables, settings);
    }

    void fill(PromptTemplate template) {
        filling = true;
        try {
            fillInputs(template);
        } finally {
            filling = false;
        }
    }

    private void fillInputs(PromptTemplate template) {
        key = template.key();
        name.setValue(template.name());
        description.setValue(template.description());
        tags.setValue(String.join(", ", template.tags()));
        settings.fill(template.settings());
        variables.fill(template.variables());
        messages.fill(template.messages());
    }

    /** The template as typed; what cannot even be read (a default, a schema) goes to {@code local}. */
    PromptTemplate template(List<PromptProblem> local) {
        List<Variable> typed = variables.variables(local);
        ModelSettings model = settings.settings(local);
        List<PromptMessage> sent = messages.messages();
        return new PromptTemplate(
                key, name.getValue(), description.getValue(), FormValues.words(tags.getValue()), model, typed, sent);
    }

    void setReadOnly(boolean readOnly) {
        name.setReadOnly(readOnly);
        description.setReadOnly(readOnly);
        tags.setReadOnly(readOnly);
        settings.setReadOnly(readOnly);
        variables.setReadOnly(readOnly);
        messages.setReadOnly(readOnly);
    }

    /** Marks each input with the problems about it and clears the others. */
    void show(List<PromptProblem> problems) {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("tags", tags);
        settings.collectFields(fields);
        variables.collectFields(fields);
        messages.collectFields(fields);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (PromptProblem problem : problems) {
            byField.computeIfAbsent(ProblemTargets.target(problem.path()), k -> new ArrayList<>())
                    .add(ProblemTargets.describe(problem));
        }
        fields.forEach((target, field) -> {
            List<String> found = byField.getOrDefault(target, List.of());
            field.setErrorMessage(found.isEmpty() ? null : found.stream().collect(Collectors.joining(" ")));
            field.setInvalid(!found.isEmpty());
        });
    }
}

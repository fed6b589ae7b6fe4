package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.prompts.Variable;
import dev.switchboard.prompts.VariableType;
import dev.switchboard.ui.form.FormValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The typed variables of a template: name, type, required or a default, enum options and a description.
 * A default that does not read as its type is reported like any other problem of the template.
 */
final class VariablesPanel extends VerticalLayout {

    private final Runnable onChange;
    private final List<Row> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();
    private final Button add;
    private boolean readOnly;

    VariablesPanel(Runnable onChange) {
        this.onChange = onChange;
        setPadding(false);
        list.setPadding(false);
        add = new Button("Add variable", click -> {
            rows.add(new Row(Variable.required("", VariableType.TEXT, "")));
            redraw();
            onChange.run();
        });
        add.setId("variable-add");
        add(new H3("Variables"), list, add);
    }

    void fill(List<Variable> variables) {
        rows.clear();
        variables.forEach(v -> rows.add(new Row(v)));
        redraw();
    }

    /** The variables as typed; defaults that do not read as their type are added to {@code local}. */
    List<Variable> variables(List<PromptProblem> local) {
        List<Variable> variables = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            variables.add(rows.get(i).variable(i, local));
        }
        return variables;
    }

    void collectFields(Map<String, HasValidation> fields) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            fields.put(ProblemTargets.variableField(i, "name"), row.name);
            fields.put(ProblemTargets.variableField(i, "default"), row.defaultValue);
            fields.put(ProblemTargets.variableField(i, "options"), row.options);
            fields.put(ProblemTargets.variableField(i, "description"), row.description);
        }
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setVisible(!readOnly);
        redraw();
    }

    private void redraw() {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).place(i);
            list.add(rows.get(i).layout);
        }
    }

    private final class Row {
        private final TextField name = new TextField("Name");
        private final Select<VariableType> type = new Select<>();
        private final Checkbox required = new Checkbox("Required");
        private final TextField defaultValue = new TextField("Default");
        private final TextField options = new TextField("Options (enum)");
        private final TextField description = new TextField("Description");
        private final Button remove = new Button("Remove", click -> {
            rows.remove(this);
            redraw();
            onChange.run();
        });
        private final HorizontalLayout layout;

        Row(Variable v) {
            type.setLabel("Type");
            type.setItems(VariableType.values());
            type.setItemLabelGenerator(VariableType::code);
            type.setValue(v.type());
            type.setWidth("8rem");
            name.setValue(v.name());
            required.setValue(v.isRequired());
            defaultValue.setValue(FormValues.text(v.defaultValue()));
            defaultValue.setHelperText("JSON or one item a line for lists");
            options.setValue(String.join(", ", v.options()));
            options.setHelperText("comma-separated");
            description.setValue(v.description());
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            for (TextField field : List.of(name, defaultValue, options, description)) {
                field.setValueChangeMode(ValueChangeMode.LAZY);
                field.setManualValidation(true);
            }
            List<HasValue<?, ?>> inputs = List.of(name, type, required, defaultValue, options, description);
            inputs.forEach(input -> input.addValueChangeListener(change -> onChange.run()));
            layout = new HorizontalLayout(name, type, required, defaultValue, options, description, remove);
            layout.setWidthFull();
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.setWrap(true);
        }

        void place(int index) {
            String id = "variable-" + index;
            layout.setId(id);
            name.setId(id + "-name");
            type.setId(id + "-type");
            required.setId(id + "-required");
            defaultValue.setId(id + "-default");
            options.setId(id + "-options");
            description.setId(id + "-description");
            remove.setId(id + "-remove");
            remove.setVisible(!readOnly);
            for (HasValue<?, ?> input : List.of(name, type, required, defaultValue, options, description)) {
                input.setReadOnly(readOnly);
            }
        }

        Variable variable(int index, List<PromptProblem> local) {
            VariableType chosen = type.getValue() == null ? VariableType.TEXT : type.getValue();
            List<String> optionList = FormValues.words(options.getValue());
            JsonNode fallback = null;
            switch (FormValues.parse(chosen, defaultValue.getValue(), optionList)) {
                case VariableType.Accepted.Value(JsonNode value) -> fallback = value;
                case VariableType.Accepted.Mistyped(String reason) ->
                    local.add(new PromptProblem(
                            PromptProblem.Kind.DEFINITION,
                            ProblemTargets.variableField(index, "default"),
                            name.getValue(),
                            null,
                            null,
                            null,
                            "the default does not fit: " + reason));
            }
            // a default makes a variable optional: the checkbox only speaks for variables without one
            Boolean isRequired = fallback == null ? required.getValue() : null;
            return new Variable(name.getValue(), chosen, isRequired, fallback, optionList, description.getValue());
        }
    }
}

package dev.switchboard.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.prompts.Variable;
import dev.switchboard.prompts.VariableType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A form made from a template's typed variables: a text field for text, a number field for numbers, a
 * select for enums and a text area for lists and JSON. What does not read as its type is marked on its
 * input; an empty optional input leaves the variable to its default. Prompt templates (playground) and
 * workflows (run inputs, approval fields) declare their inputs alike, so both use this form.
 */
public final class ValuesForm extends FormLayout {

    private final Map<Variable, Component> inputs = new LinkedHashMap<>();

    /** Inputs with the ids {@code value-<name>}. */
    public ValuesForm(List<Variable> variables, Runnable onChange) {
        this("value-", variables, onChange);
    }

    /** Inputs with the ids {@code <idPrefix><name>}, for pages with more than one form. */
    public ValuesForm(String idPrefix, List<Variable> variables, Runnable onChange) {
        for (Variable v : variables) {
            Component input = input(v);
            input.setId(idPrefix + v.name());
            ((HasValue<?, ?>) input).addValueChangeListener(change -> onChange.run());
            ((HasValidation) input).setManualValidation(true);
            inputs.put(v, input);
            add(input);
            if (v.type() == VariableType.LIST || v.type() == VariableType.JSON) {
                setColspan(input, 2);
            }
        }
    }

    private static Component input(Variable v) {
        String label = v.name() + (v.isRequired() ? "" : " (optional)");
        String help = v.description()
                + (v.defaultValue() == null
                        ? ""
                        : (v.description().isEmpty() ? "" : " · ") + "default: " + FormValues.text(v.defaultValue()));
        Component input = switch (v.type()) {
            case NUMBER -> new BigDecimalField(label);
            case ENUM -> {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(v.options());
                select.setEmptySelectionAllowed(!v.isRequired());
                yield select;
            }
            case LIST, JSON -> {
                TextArea area = new TextArea(label);
                area.setValueChangeMode(ValueChangeMode.LAZY);
                area.setPlaceholder(v.type() == VariableType.LIST ? "one item a line, or a JSON array" : "JSON");
                yield area;
            }
            case TEXT -> {
                TextField field = new TextField(label);
                field.setValueChangeMode(ValueChangeMode.LAZY);
                yield field;
            }
        };
        if (input instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(help);
        }
        return input;
    }

    /** The values typed, or empty after marking each input that does not read as its type. */
    public Optional<Map<String, JsonNode>> values() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<Variable, Component> entry : inputs.entrySet()) {
            Variable v = entry.getKey();
            HasValidation field = (HasValidation) entry.getValue();
            field.setInvalid(false);
            switch (FormValues.parse(v.type(), typed(entry.getValue()), v.options())) {
                case VariableType.Accepted.Value(JsonNode value) -> {
                    if (value != null) {
                        values.put(v.name(), value);
                    }
                }
                case VariableType.Accepted.Mistyped(String reason) -> {
                    mark(field, reason);
                    ok = false;
                }
            }
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    /** The values typed as one JSON object of name to value (run inputs, an approval's fields). */
    public Optional<ObjectNode> object() {
        return values().map(values -> {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            values.forEach(object::set);
            return object;
        });
    }

    /** Marks the inputs of the variables the renderer complained about. */
    public void show(List<PromptProblem> problems) {
        problems.forEach(problem -> mark(problem.variable(), problem.message()));
    }

    /** Marks the input of the variable {@code name} with {@code message}; whether the form has one. */
    public boolean mark(String name, String message) {
        return inputs.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name))
                .findFirst()
                .map(e -> {
                    mark((HasValidation) e.getValue(), message);
                    return true;
                })
                .orElse(false);
    }

    private static String typed(Component input) {
        Object value = ((HasValue<?, ?>) input).getValue();
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    private static void mark(HasValidation field, String message) {
        field.setErrorMessage(dev.switchboard.ui.ExpectedProblems.sentence(message));
        field.setInvalid(true);
    }
}

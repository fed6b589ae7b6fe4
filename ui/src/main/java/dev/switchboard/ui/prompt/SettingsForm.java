package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.switchboard.prompts.ModelSettings;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.prompts.ResponseFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a template asks of the model: model or tier, temperature, max tokens and the answer's shape. */
final class SettingsForm extends VerticalLayout {

    static final String TEXT = "text";
    static final String JSON_OBJECT = "json_object";
    static final String JSON_SCHEMA = "json_schema";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ComboBox<String> model = new ComboBox<>("Model or tier");
    private final NumberField temperature = new NumberField("Temperature");
    private final IntegerField maxTokens = new IntegerField("Max tokens");
    private final Select<String> format = new Select<>();
    private final TextField schemaName = new TextField("Schema name");
    private final TextArea schema = new TextArea("JSON schema");

    SettingsForm(List<String> modelNames, Runnable onChange) {
        setPadding(false);
        model.setId("settings-model");
        model.setItems(modelNames);
        model.setAllowCustomValue(true);
        model.addCustomValueSetListener(typed -> model.setValue(typed.getDetail()));
        model.setHelperText("a model, provider/model, tier:… or auto");
        temperature.setId("settings-temperature");
        temperature.setMin(0);
        temperature.setMax(2);
        temperature.setStep(0.1);
        maxTokens.setId("settings-max-tokens");
        format.setId("settings-format");
        format.setLabel("Response format");
        format.setItems(TEXT, JSON_OBJECT, JSON_SCHEMA);
        format.addValueChangeListener(change -> showSchema());
        schemaName.setId("settings-schema-name");
        schema.setId("settings-schema");
        schema.setMinRows(4);
        for (HasValue<?, ?> field : fields()) {
            field.addValueChangeListener(change -> onChange.run());
            if (field instanceof HasValidation validated) {
                validated.setManualValidation(true);
            }
        }
        schemaName.setValueChangeMode(ValueChangeMode.LAZY);
        schema.setValueChangeMode(ValueChangeMode.LAZY);
        FormLayout form = new FormLayout(model, temperature, maxTokens, format, schemaName, schema);
        form.setColspan(schema, 2);
        add(new H3("Model settings"), form);
    }

    void fill(ModelSettings settings) {
        model.setValue(settings.model());
        temperature.setValue(settings.temperature());
        maxTokens.setValue(settings.maxTokens());
        switch (settings.responseFormat()) {
            case ResponseFormat.Text t -> format.setValue(TEXT);
            case ResponseFormat.JsonObject j -> format.setValue(JSON_OBJECT);
            case ResponseFormat.JsonSchema s -> {
                format.setValue(JSON_SCHEMA);
                schemaName.setValue(s.name());
                schema.setValue(s.schema() == null ? "" : s.schema().toPrettyString());
            }
        }
        showSchema();
    }

    /** The settings as typed; a schema that is not JSON is added to {@code local}. */
    ModelSettings settings(List<PromptProblem> local) {
        ResponseFormat responseFormat = switch (format.getValue() == null ? TEXT : format.getValue()) {
            case JSON_OBJECT -> new ResponseFormat.JsonObject();
            case JSON_SCHEMA -> new ResponseFormat.JsonSchema(schemaName.getValue(), schema(local), null);
            default -> new ResponseFormat.Text();
        };
        return new ModelSettings(model.getValue(), temperature.getValue(), maxTokens.getValue(), responseFormat);
    }

    void collectFields(Map<String, HasValidation> fields) {
        fields.put("model.model", model);
        fields.put("model.temperature", temperature);
        fields.put("model.maxTokens", maxTokens);
        fields.put("model.responseFormat.name", schemaName);
        fields.put("model.responseFormat.schema", schema);
    }

    void setReadOnly(boolean readOnly) {
        fields().forEach(field -> field.setReadOnly(readOnly));
    }

    private JsonNode schema(List<PromptProblem> local) {
        if (schema.getValue().isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(schema.getValue());
        } catch (JacksonException notJson) {
            local.add(new PromptProblem(
                    PromptProblem.Kind.DEFINITION,
                    "model.responseFormat.schema",
                    null,
                    null,
                    null,
                    null,
                    "the schema is not JSON: " + notJson.getOriginalMessage()));
            return null;
        }
    }

    private void showSchema() {
        boolean withSchema = JSON_SCHEMA.equals(format.getValue());
        schemaName.setVisible(withSchema);
        schema.setVisible(withSchema);
    }

    private List<HasValue<?, ?>> fields() {
        return List.of(model, temperature, maxTokens, format, schemaName, schema);
    }
}

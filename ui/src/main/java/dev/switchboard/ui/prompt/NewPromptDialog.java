package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.ModelSettings;
import dev.switchboard.prompts.PromptMessage;
import dev.switchboard.prompts.PromptTemplate;
import dev.switchboard.prompts.Variable;
import dev.switchboard.prompts.VariableType;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.FormValues;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates a template: a name, a key (suggested from the name) and the unit it belongs to. It starts as
 * a draft with one system and one user message over a single {@code input} variable, to edit from there.
 */
final class NewPromptDialog extends Dialog {

    private final PromptLibrary library;
    private final Consumer<PromptVersion> onCreated;
    private final TextField name = new TextField("Name");
    private final TextField key = new TextField("Key");
    private final ComboBox<PromptScope.Owner> owner = new ComboBox<>("Belongs to");
    private boolean keyTyped;

    NewPromptDialog(PromptLibrary library, PromptScope scope, Consumer<PromptVersion> onCreated) {
        this.library = library;
        this.onCreated = onCreated;
        setHeaderTitle("New prompt template");
        name.setId("new-prompt-name");
        name.setManualValidation(true);
        key.setId("new-prompt-key");
        key.setManualValidation(true);
        key.setHelperText("lower-case letters, digits and dashes; never changes");
        name.addValueChangeListener(change -> {
            if (!keyTyped) {
                key.setValue(FormValues.slug(change.getValue()));
            }
        });
        key.addValueChangeListener(change -> keyTyped |= change.isFromClient());
        owner.setId("new-prompt-unit");
        owner.setItems(scope.owners());
        owner.setItemLabelGenerator(PromptScope.Owner::label);
        owner.setValue(scope.owners().getFirst());
        owner.setManualValidation(true);
        add(new FormLayout(name, key, owner));
        Button create = new Button("Create", click -> create());
        create.setId("new-prompt-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, create);
    }

    static PromptTemplate starter(String key, String name) {
        return new PromptTemplate(
                key,
                name,
                "",
                List.of(),
                ModelSettings.DEFAULT,
                List.of(Variable.required("input", VariableType.TEXT, "what the user asks")),
                List.of(PromptMessage.system("You are a helpful assistant."), PromptMessage.user("{{ input }}")));
    }

    private void create() {
        if (owner.getValue() == null) {
            owner.setErrorMessage("Choose where the template belongs");
            owner.setInvalid(true);
            return;
        }
        PromptVersion created = Attempts.attempt(
                () -> library.create(owner.getValue().id(), starter(key.getValue(), name.getValue())),
                invalid -> invalid.problems().forEach(p -> {
                    TextField field = "name".equals(p.path()) ? name : key;
                    field.setErrorMessage(ExpectedProblems.sentence(p.message()));
                    field.setInvalid(true);
                }));
        if (created == null) {
            return;
        }
        close();
        Toasts.success("Created '" + created.template().name() + "'");
        onCreated.accept(created);
    }
}

package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.FormValues;
import dev.switchboard.ui.prompt.Attempts;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowVersion;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates a workflow: a name, a key (suggested from the name) and the unit it belongs to. It starts as a
 * draft that already validates: one text input, a start node and an end node that hands the input back.
 */
final class NewWorkflowDialog extends Dialog {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final WorkflowStore store;
    private final Consumer<WorkflowVersion> onCreated;
    private final TextField name = new TextField("Name");
    private final TextField key = new TextField("Key");
    private final ComboBox<PromptScope.Owner> owner = new ComboBox<>("Belongs to");

    NewWorkflowDialog(WorkflowStore store, List<PromptScope.Owner> owners, Consumer<WorkflowVersion> onCreated) {
        this.store = store;
        this.onCreated = onCreated;
        setHeaderTitle("New workflow");
        name.setId("new-workflow-name");
        key.setId("new-workflow-key");
        key.setHelperText("lower-case letters, digits and dashes; never changes");
        // the key follows the name until the person types a key of their own
        name.addValueChangeListener(change -> {
            if (key.isEmpty() || key.getValue().equals(FormValues.slug(change.getOldValue()))) {
                key.setValue(FormValues.slug(change.getValue()));
            }
        });
        owner.setId("new-workflow-unit");
        owner.setItems(owners);
        owner.setItemLabelGenerator(PromptScope.Owner::label);
        owner.setValue(owners.getFirst());
        add(new FormLayout(name, key, owner));
        Button create = new Button("Create", click -> create());
        create.setId("new-workflow-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), create);
    }

    /** The smallest workflow that validates, to edit from there. */
    static String starter(String key, String name) {
        ObjectNode doc =
                NODES.objectNode().put("schemaVersion", 1).put("key", key).put("name", name);
        doc.putArray("inputs")
                .addObject()
                .put("name", "topic")
                .put("type", "text")
                .put("description", "what the run is about");
        var nodes = doc.putArray("nodes");
        nodes.addObject().put("id", "start").put("kind", "start");
        nodes.addObject()
                .put("id", "end")
                .put("kind", "end")
                .putObject("outputs")
                .put("topic", "{{inputs.topic}}");
        doc.putArray("edges").addObject().put("from", "start").put("to", "end");
        return doc.toPrettyString();
    }

    private void create() {
        if (owner.getValue() == null) {
            Toasts.problem("Choose where the workflow belongs.");
            return;
        }
        WorkflowVersion created =
                Attempts.attempt(() -> store.create(owner.getValue().id(), starter(key.getValue(), name.getValue())));
        if (created == null) {
            return;
        }
        close();
        Toasts.success("Created '" + created.definition().name() + "'");
        onCreated.accept(created);
    }
}

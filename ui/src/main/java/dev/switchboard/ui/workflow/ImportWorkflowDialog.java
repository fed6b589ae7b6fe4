package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.prompt.Attempts;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.workflow.WorkflowDocuments;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports a workflow from its JSON (the format export writes), uploaded or pasted: a new workflow in the
 * chosen unit when its key is new, else the draft of the workflow with that key. What does not read as
 * a workflow is explained on the text; an unfinished workflow is imported as a draft to finish.
 */
final class ImportWorkflowDialog extends Dialog {

    static final int MAX_BYTES = 1_000_000;

    private final WorkflowStore store;
    private final Consumer<WorkflowVersion> onImported;
    private final TextArea json = new TextArea("JSON");
    private final ComboBox<PromptScope.Owner> owner = new ComboBox<>("New workflows belong to");

    ImportWorkflowDialog(WorkflowStore store, List<PromptScope.Owner> owners, Consumer<WorkflowVersion> onImported) {
        this.store = store;
        this.onImported = onImported;
        setHeaderTitle("Import a workflow from JSON");
        setWidth("48rem");
        Upload upload = new Upload(UploadHandler.inMemory((file, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> json.setValue(new String(bytes, StandardCharsets.UTF_8))))));
        upload.setId("workflow-import-upload");
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        json.setId("workflow-import-json");
        json.setWidthFull();
        json.setMinRows(10);
        json.setManualValidation(true);
        json.getStyle().set("font-family", "monospace");
        owner.setId("workflow-import-unit");
        owner.setItems(owners);
        owner.setItemLabelGenerator(PromptScope.Owner::label);
        owner.setValue(owners.getFirst());
        VerticalLayout body = new VerticalLayout(
                new Paragraph("Upload a .json file or paste its text. A key that exists already updates that"
                        + " workflow's draft."),
                upload,
                json,
                owner);
        body.setPadding(false);
        add(body);
        Button importIt = new Button("Import", click -> importJson());
        importIt.setId("workflow-import-confirm");
        importIt.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), importIt);
    }

    private void importJson() {
        // what does not read as a workflow is explained on the text; a draft may be unfinished otherwise
        WorkflowDocuments.Read read = WorkflowDocuments.read(json.getValue());
        if (read.definition() == null) {
            json.setErrorMessage(read.problems().stream().map(Texts::describe).collect(Collectors.joining("; ")));
            json.setInvalid(true);
            return;
        }
        json.setInvalid(false);
        WorkflowVersion imported = Attempts.attempt(() -> store.importJson(
                json.getValue(),
                owner.getValue() == null ? null : owner.getValue().id()));
        if (imported == null) {
            return;
        }
        close();
        Toasts.success("Imported '" + imported.definition().name() + "' as version " + imported.number());
        onImported.accept(imported);
    }
}

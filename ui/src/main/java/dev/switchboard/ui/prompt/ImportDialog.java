package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports a template from the library's YAML, uploaded as a file or pasted: a new template in the chosen
 * unit when its key is new, else the draft of the template with that key (which must be the person's to
 * change). Every problem of the YAML is listed on the text.
 */
final class ImportDialog extends Dialog {

    static final int MAX_BYTES = 500_000;

    private final PromptLibrary library;
    private final Consumer<PromptVersion> onImported;
    private final TextArea yaml = new TextArea("YAML");
    private final ComboBox<PromptScope.Owner> owner = new ComboBox<>("New templates belong to");

    ImportDialog(PromptLibrary library, PromptScope scope, Consumer<PromptVersion> onImported) {
        this.library = library;
        this.onImported = onImported;
        setHeaderTitle("Import a template from YAML");
        setWidth("48rem");
        Upload upload = new Upload(UploadHandler.inMemory((file, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> yaml.setValue(new String(bytes, StandardCharsets.UTF_8))))));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        yaml.setId("import-yaml");
        yaml.setWidthFull();
        yaml.setMinRows(10);
        yaml.setManualValidation(true);
        owner.setId("import-unit");
        owner.setItems(scope.owners());
        owner.setItemLabelGenerator(PromptScope.Owner::label);
        owner.setValue(scope.owners().getFirst());
        VerticalLayout body = new VerticalLayout(
                new Paragraph("Upload a .yaml file or paste its text. A key that exists already updates that"
                        + " template's draft."),
                upload,
                yaml,
                owner);
        body.setPadding(false);
        add(body);
        Button importIt = new Button("Import", click -> importYaml());
        importIt.setId("import-confirm");
        importIt.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), importIt);
    }

    private void importYaml() {
        PromptVersion imported = Attempts.attempt(
                () -> library.importYaml(
                        yaml.getValue(),
                        owner.getValue() == null ? null : owner.getValue().id()),
                invalid -> {
                    yaml.setErrorMessage(invalid.problems().stream()
                            .map(PromptProblem::describe)
                            .map(ExpectedProblems::sentence)
                            .collect(Collectors.joining("; ")));
                    yaml.setInvalid(true);
                });
        if (imported == null) {
            return;
        }
        close();
        Toasts.success("Imported '" + imported.template().name() + "' as version " + imported.number());
        onImported.accept(imported);
    }
}

package dev.switchboard.ui.admin.org;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * A dialog that changes one org unit through {@code OrgService}. What the backend refuses keeps the
 * dialog open: a broken rule on a field is shown on that field, anything else as a notification.
 */
abstract class UnitDialog extends Dialog {

    private final Consumer<OrgUnit> onSaved;
    private final List<HasValidation> fields = new ArrayList<>();
    protected final Button save = new Button("Save", click -> save());

    UnitDialog(String title, Consumer<OrgUnit> onSaved) {
        this.onSaved = onSaved;
        setHeaderTitle(title);
        save.setId("save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("cancel");
        getFooter().add(cancel, save);
    }

    /** Calls the service; throws what it throws. */
    protected abstract OrgUnit submit();

    /** The input that a backend field name ({@code name}, {@code parentId}, ...) refers to here. */
    protected abstract Optional<HasValidation> fieldFor(String backendField);

    protected abstract String successMessage(OrgUnit saved);

    /**
     * Registers an input whose errors come from the backend: the component's own validation is off
     * (it would clear our message on blur), and editing the input clears the message.
     */
    protected <F extends HasValidation & HasValue<?, ?>> F watch(F field) {
        field.setManualValidation(true);
        field.addValueChangeListener(change -> field.setInvalid(false));
        fields.add(field);
        return field;
    }

    private void save() {
        fields.forEach(field -> field.setInvalid(false));
        OrgUnit saved;
        try {
            saved = submit();
        } catch (SwitchboardException.InvalidInput invalid) {
            String message = ExpectedProblems.sentence(invalid.getMessage());
            fieldFor(invalid.field())
                    .ifPresentOrElse(
                            field -> {
                                field.setErrorMessage(message);
                                field.setInvalid(true);
                            },
                            () -> Toasts.problem(message));
            return;
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        close();
        Toasts.success(successMessage(saved));
        onSaved.accept(saved);
    }
}

package dev.switchboard.ui.form;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the backend's validation errors on the inputs they are about. Inputs are validated by the
 * backend only: their own client-side validation is off (it would clear our message on blur), and
 * editing an input clears its message.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> byBackendField = new HashMap<>();
    private final List<HasValidation> all = new ArrayList<>();

    /** Registers {@code field} for errors the backend reports under any of {@code backendFields}. */
    public <F extends HasValidation & HasValue<?, ?>> F watch(F field, String... backendFields) {
        field.setManualValidation(true);
        field.addValueChangeListener(change -> field.setInvalid(false));
        all.add(field);
        for (String name : backendFields) {
            byBackendField.put(name, field);
        }
        return field;
    }

    public void clear() {
        all.forEach(field -> field.setInvalid(false));
    }

    /** Marks {@code field} invalid with {@code message} (a fragment or a sentence). */
    public static void show(HasValidation field, String message) {
        field.setErrorMessage(ExpectedProblems.sentence(message));
        field.setInvalid(true);
    }

    /** Shows the error on its input, or as a notification when no input here is about that field. */
    public void show(SwitchboardException.InvalidInput invalid) {
        HasValidation field = byBackendField.get(invalid.field());
        if (field == null) {
            Toasts.problem(ExpectedProblems.sentence(invalid.getMessage()));
        } else {
            show(field, invalid.getMessage());
        }
    }
}

package dev.switchboard.ui.budget;

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
 * Puts the backend's validation errors ({@code InvalidInput}: a field name and a message, what the REST
 * API answers as a ProblemDetail) on the inputs they are about. The budget dialogs' copy of the gateway
 * views' helper (package-private there): inputs are validated by the backend only, their client-side
 * validation is off, and editing an input clears its message.
 */
final class FieldErrors {

    private final Map<String, HasValidation> byBackendField = new HashMap<>();
    private final List<HasValidation> all = new ArrayList<>();

    /** Registers {@code field} for errors the backend reports under any of {@code backendFields}. */
    <F extends HasValidation & HasValue<?, ?>> F watch(F field, String... backendFields) {
        field.setManualValidation(true);
        field.addValueChangeListener(change -> field.setInvalid(false));
        all.add(field);
        for (String name : backendFields) {
            byBackendField.put(name, field);
        }
        return field;
    }

    void clear() {
        all.forEach(field -> field.setInvalid(false));
    }

    /** Marks {@code field} invalid with {@code message} (a fragment or a sentence). */
    static void show(HasValidation field, String message) {
        field.setErrorMessage(ExpectedProblems.sentence(message));
        field.setInvalid(true);
    }

    /** Shows the error on its input, or as a notification when no input here is about that field. */
    void show(SwitchboardException.InvalidInput invalid) {
        HasValidation field = byBackendField.get(invalid.field());
        if (field == null) {
            Toasts.problem(ExpectedProblems.sentence(invalid.getMessage()));
        } else {
            show(field, invalid.getMessage());
        }
    }
}

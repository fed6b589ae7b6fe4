package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.apikey.CreatedApiKey;
import dev.switchboard.ui.Toasts;

/**
 * The one moment a key's secret is shown: read-only, whole, with a copy button and a plain warning.
 * Closing it forgets the secret (the field is emptied), and nothing else in the UI ever holds it.
 */
final class SecretDialog extends Dialog {

    static final String WARNING = "This is the only time the secret is shown. Copy it now and keep it somewhere safe:"
            + " Switchboard stores only a hash of it and cannot show it again. If you lose it, revoke the key and"
            + " create a new one.";

    private final TextField secret = new TextField();

    SecretDialog(CreatedApiKey created) {
        setHeaderTitle("Your new key '" + created.key().name() + "'");
        setCloseOnOutsideClick(false);
        setWidth("min(40rem, 95vw)");
        Paragraph warning = new Paragraph(WARNING);
        warning.setId("key-secret-warning");
        secret.setId("key-secret");
        secret.setLabel("Secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setValue(created.secret());
        // one click selects the whole secret, for copying by hand where the clipboard API is not allowed
        secret.getElement().executeJs("this.addEventListener('focus', () => this.inputElement.select())");
        add(warning, secret);
        Button copy = new Button("Copy", click -> copy());
        copy.setId("copy-secret");
        Button done = new Button("I have stored it", click -> close());
        done.setId("secret-done");
        done.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(copy, done);
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                secret.clear();
            }
        });
    }

    private void copy() {
        getUI().ifPresent(ui -> ui.getPage()
                .executeJs("return navigator.clipboard.writeText($0)", secret.getValue())
                .then(
                        copied -> Toasts.success("Copied to the clipboard"),
                        refused -> Toasts.problem(
                                "Your browser did not allow copying: select the secret and copy it by hand.")));
    }
}

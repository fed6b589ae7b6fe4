package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.catalog.NewPrice;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.PriceList;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.FieldErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * Appends a wholesale price to a deployment's history, from now or a later moment (never earlier:
 * calls already made keep their price). Amounts are entered per million tokens in currency units and
 * stored as exact micro-units.
 */
final class AddPriceDialog extends Dialog {

    private static final int MICRO_DIGITS = 6;

    private final PriceList prices;
    private final ModelRow row;
    private final Runnable onSaved;
    private final FieldErrors errors = new FieldErrors();
    private final BigDecimalField input = amount("price-input", "Input, per 1M tokens");
    private final BigDecimalField cached = amount("price-cached", "Cached input, per 1M tokens");
    private final BigDecimalField output = amount("price-output", "Output, per 1M tokens");
    private final TextField currency = new TextField("Currency");
    private final DateTimePicker effective = new DateTimePicker("Effective from (UTC)");
    private final TextField source = new TextField("Source");

    AddPriceDialog(PriceList prices, ModelRow row, Runnable onSaved) {
        this.prices = prices;
        this.row = row;
        this.onSaved = onSaved;
        setHeaderTitle("New price for " + row.deployment().modelName());
        Paragraph at = new Paragraph("Served by " + row.provider().displayName() + " ("
                + row.provider().id() + ")." + (row.simulated() ? " A simulator: an illustrative price." : ""));
        at.setId("price-deployment");
        currency.setId("price-currency");
        currency.setHelperText("ISO 4217 code, e.g. USD");
        effective.setId("price-effective");
        effective.setHelperText(
                "Leave empty to start as soon as allowed (a few seconds from now, so every gateway node knows it first)."
                        + " Calls already made keep their price.");
        source.setId("price-source");
        source.setHelperText("Where the price comes from: a URL or document, and the date you read it");
        row.currentPrice().ifPresentOrElse(this::prefill, () -> currency.setValue("USD"));
        errors.watch(input, "inputMicrosPerMTok");
        errors.watch(cached, "cachedInputMicrosPerMTok");
        errors.watch(output, "outputMicrosPerMTok");
        errors.watch(currency, "currency");
        errors.watch(effective, "effectiveFrom");
        errors.watch(source, "source");
        FormLayout form = new FormLayout(input, cached, output, currency, effective, source);
        form.setColspan(source, 2);
        add(at, form);
        Button save = new Button("Add price", click -> save());
        save.setId("save-price");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("cancel-price");
        getFooter().add(cancel, save);
    }

    /** The current numbers as a starting point: most changes touch one of them. */
    private void prefill(Price current) {
        input.setValue(Formats.perMillionAmount(current.inputMicrosPerMTok()));
        cached.setValue(Formats.perMillionAmount(current.cachedInputMicrosPerMTok()));
        output.setValue(Formats.perMillionAmount(current.outputMicrosPerMTok()));
        currency.setValue(current.currency().getCurrencyCode());
    }

    private void save() {
        errors.clear();
        Long inputMicros = micros(input);
        Long cachedMicros = micros(cached);
        Long outputMicros = micros(output);
        Currency code = currency();
        if (inputMicros == null || cachedMicros == null || outputMicros == null || code == null) {
            return;
        }
        Instant from = effective.isEmpty() ? null : effective.getValue().toInstant(ZoneOffset.UTC);
        Price saved;
        try {
            saved = prices.add(
                    row.deployment().id(),
                    new NewPrice(inputMicros, outputMicros, cachedMicros, code, from, source.getValue()));
        } catch (SwitchboardException.InvalidInput invalid) {
            errors.show(invalid);
            return;
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        close();
        Toasts.success("New price for " + row.deployment().modelName() + " at "
                + row.provider().displayName() + " from " + Formats.time(saved.effectiveFrom()) + Formats.UTC_SUFFIX);
        onSaved.run();
    }

    /** The amount in micro-units per million tokens, or {@code null} after marking the input. */
    private static Long micros(BigDecimalField field) {
        BigDecimal value = field.getValue();
        if (value == null) {
            FieldErrors.show(field, "enter a price per million tokens (0 if free)");
            return null;
        }
        if (value.stripTrailingZeros().scale() > MICRO_DIGITS) {
            FieldErrors.show(field, "use at most " + MICRO_DIGITS + " decimals (a millionth of the currency unit)");
            return null;
        }
        try {
            return value.movePointRight(MICRO_DIGITS).longValueExact();
        } catch (ArithmeticException tooLarge) {
            FieldErrors.show(field, "is too large");
            return null;
        }
    }

    private Currency currency() {
        String code = currency.getValue().strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            FieldErrors.show(currency, "must be an ISO 4217 code such as USD");
            return null;
        }
    }

    private static BigDecimalField amount(String id, String label) {
        BigDecimalField field = new BigDecimalField(label);
        field.setId(id);
        return field;
    }
}

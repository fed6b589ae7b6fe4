package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.catalog.Capability;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.Deployment;
import dev.switchboard.catalog.Provider;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.form.FieldErrors;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gateway → Try it: one chat completion through the real gateway path (routing, fallbacks, the
 * ledger), charged to one of the person's org units, with who served it and what it cost. Spending is
 * for those who could call the gateway with a key of that unit anyway: platform admins, designers and
 * operators. {@code GatewayService} has no role check of its own, so the units offered are the check.
 */
@Route(value = "gateway/try", layout = MainLayout.class)
@PageTitle("Try it | Switchboard")
@PermitAll
public class TryItView extends VerticalLayout {

    static final List<String> ROUTING_NAMES = List.of("auto", "tier:economy", "tier:standard", "tier:frontier");
    static final int DEFAULT_MAX_TOKENS = 256;

    private final GatewayService gateway;
    private final Catalog catalog;
    private final UsageLedger ledger;
    private final JsonMapper json;
    private final Clock clock;
    private final ComboBox<String> model = new ComboBox<>("Model");
    private final Select<OrgUnit> chargeTo = new Select<>();
    private final TextArea system = new TextArea("System prompt (optional)");
    private final TextArea message = new TextArea("Message");
    private final IntegerField maxTokens = new IntegerField("Max tokens");
    private final NumberField temperature = new NumberField("Temperature (optional)");
    private final Button send = new Button("Send", click -> send());
    private final Paragraph error = new Paragraph();
    private final VerticalLayout result = new VerticalLayout();
    private final FieldErrors errors = new FieldErrors();
    private OrgScopes.Directory units;

    TryItView(
            GatewayService gateway,
            Catalog catalog,
            UsageLedger ledger,
            OrgScopes scopes,
            JsonMapper json,
            Clock clock) {
        this.gateway = gateway;
        this.catalog = catalog;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
        add(new H2("Try it"));
        Paragraph intro = new Paragraph("Send one chat completion through the gateway, as an API call would go: routed"
                + " to the cheapest deployment that fits, charged to your org unit and recorded in the usage ledger.");
        intro.setId("try-intro");
        add(intro);
        units = scopes.directory();
        List<OrgUnit> chargeable = scopes.chargeableUnits(units);
        if (chargeable.isEmpty()) {
            Paragraph note = new Paragraph(
                    scopes.managesKeys()
                            ? "You are not a member of any org unit, so there is nothing to charge a call to."
                            : "Only platform admins, designers and operators can try models here: calls cost money.");
            note.setId("try-not-allowed");
            add(note);
            return;
        }
        add(form(chargeable));
        error.setId("try-error");
        error.addClassName("sb-error");
        error.setVisible(false);
        result.setPadding(false);
        add(error, result);
    }

    private FormLayout form(List<OrgUnit> chargeable) {
        model.setId("try-model");
        model.setItems(modelNames());
        model.setAllowCustomValue(true);
        model.addCustomValueSetListener(typed -> model.setValue(typed.getDetail()));
        model.setValue("auto");
        model.setHelperText("auto and tier:… let the router pick the cheapest fitting deployment");
        chargeTo.setId("try-unit");
        chargeTo.setLabel("Charged to");
        chargeTo.setItems(chargeable);
        chargeTo.setItemLabelGenerator(units::label);
        chargeTo.setValue(chargeable.getFirst());
        chargeTo.setReadOnly(chargeable.size() == 1);
        system.setId("try-system");
        message.setId("try-message");
        message.setMinRows(3);
        maxTokens.setId("try-max-tokens");
        maxTokens.setValue(DEFAULT_MAX_TOKENS);
        maxTokens.setMin(1);
        temperature.setId("try-temperature");
        temperature.setMin(0);
        temperature.setMax(2);
        temperature.setStep(0.1);
        errors.watch(model, "model");
        errors.watch(message, "messages");
        errors.watch(maxTokens, "max_tokens");
        errors.watch(temperature, "temperature");
        send.setId("try-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setDisableOnClick(true);
        FormLayout form = new FormLayout(model, chargeTo, system, message, maxTokens, temperature, send);
        form.setColspan(system, 2);
        form.setColspan(message, 2);
        return form;
    }

    /** The routing names first, then every chat model name the catalog has (embeddings cannot chat). */
    private List<String> modelNames() {
        List<String> names = new ArrayList<>(ROUTING_NAMES);
        catalog.deployments().stream()
                .filter(d -> !d.supports(Capability.EMBEDDINGS))
                .map(Deployment::modelName)
                .distinct()
                .sorted()
                .forEach(names::add);
        return names;
    }

    private void send() {
        try {
            errors.clear();
            error.setVisible(false);
            result.removeAll();
            ConsoleRequest request = request().orElse(null);
            if (request != null) {
                call(request, chargeTo.getValue());
            }
        } finally {
            send.setEnabled(true);
        }
    }

    private Optional<ConsoleRequest> request() {
        boolean ok =
                require(model, model.getValue() != null && !model.getValue().isBlank(), "choose a model");
        ok &= require(message, !message.getValue().isBlank(), "write a message to send");
        ok &= require(maxTokens, maxTokens.getValue() != null && maxTokens.getValue() >= 1, "must be at least 1");
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleRequest(
                model.getValue(), system.getValue(), message.getValue(), maxTokens.getValue(), temperature.getValue()));
    }

    private static boolean require(HasValidation field, boolean valid, String message) {
        if (!valid) {
            FieldErrors.show(field, message);
        }
        return valid;
    }

    private void call(ConsoleRequest request, OrgUnit unit) {
        // a second early so that the ledger row, stamped when the call started, is surely after it
        Instant before = clock.instant().minusSeconds(1);
        GatewayService.ChatOutcome outcome;
        try {
            outcome = gateway.chat(ChargeContext.of(unit.id()), request.toJson(json), null);
        } catch (GatewayException failed) {
            showError("The gateway answered " + failed.status() + " (" + failed.code() + "): " + failed.getMessage());
            fieldFor(failed.param()).ifPresent(field -> FieldErrors.show(field, failed.getMessage()));
            return;
        } catch (SwitchboardException refused) {
            showError(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        String providerId = outcome.receipt().providerId();
        Provider provider = catalog.providers().stream()
                .filter(p -> p.id().equals(ProviderId.of(providerId)))
                .findFirst()
                .orElse(null);
        Optional<UsageEntry> row = ledgerRow(unit, outcome.receipt().requestId(), providerId, before);
        result.add(new TryItResult(outcome, provider, row, units.label(unit)));
    }

    /** The call's ledger row: tokens as charged, the same numbers as the receipt. */
    private Optional<UsageEntry> ledgerRow(OrgUnit unit, String requestId, String providerId, Instant since) {
        return ledger
                .query(new UsageQuery(unit.id(), null, null, providerId, since, null, UsageQuery.MAX_LIMIT))
                .entries()
                .stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst();
    }

    private Optional<HasValidation> fieldFor(String param) {
        Map<String, HasValidation> fields = Map.of("model", model, "temperature", temperature, "max_tokens", maxTokens);
        return Optional.ofNullable(param).map(fields::get);
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}

package dev.switchboard.ui.budget;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.budget.Budget;
import dev.switchboard.budget.BudgetChange;
import dev.switchboard.budget.BudgetPeriod;
import dev.switchboard.budget.BudgetScope;
import dev.switchboard.budget.BudgetStatus;
import dev.switchboard.budget.Budgets;
import dev.switchboard.budget.Enforcement;
import dev.switchboard.budget.NewBudget;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.platform.Money;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.FieldErrors;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * Creates a budget on an org unit, or changes one. What a budget is created with and cannot change
 * (its unit, currency, period) is shown but locked when editing. What the backend refuses keeps the
 * dialog open, the message on the input it is about.
 */
final class BudgetDialog extends Dialog {

    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CHF", "CNY", "JPY");

    private final Budgets budgets;
    private final Budget editing;
    private final Consumer<BudgetStatus> onSaved;
    private final FieldErrors errors = new FieldErrors();
    private final TextField name = new TextField("Name");
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Org unit");
    private final BigDecimalField amount = new BigDecimalField("Amount per period");
    private final ComboBox<String> currency = new ComboBox<>("Currency");
    private final Select<BudgetPeriod.Kind> period = new Select<>();
    private final IntegerField customDays = new IntegerField("Days per period");
    private final DatePicker startsOn = new DatePicker("Applies from");
    private final RadioButtonGroup<Enforcement> enforcement = new RadioButtonGroup<>("When the amount is reached");
    private final TextField thresholds = new TextField("Alert at (percent)");

    /** A dialog that creates a budget on {@code chosen} (one of {@code choices}). */
    static BudgetDialog create(
            Budgets budgets,
            UnitChoices.Units units,
            List<OrgUnit> choices,
            OrgUnit chosen,
            Consumer<BudgetStatus> onSaved) {
        return new BudgetDialog(budgets, units, choices, chosen, null, onSaved);
    }

    /** A dialog that changes {@code budget}. */
    static BudgetDialog edit(
            Budgets budgets, UnitChoices.Units units, OrgUnit owner, Budget budget, Consumer<BudgetStatus> onSaved) {
        return new BudgetDialog(budgets, units, List.of(owner), owner, budget, onSaved);
    }

    private BudgetDialog(
            Budgets budgets,
            UnitChoices.Units units,
            List<OrgUnit> choices,
            OrgUnit chosen,
            Budget editing,
            Consumer<BudgetStatus> onSaved) {
        this.budgets = budgets;
        this.editing = editing;
        this.onSaved = onSaved;
        setHeaderTitle(editing == null ? "New budget" : "Change budget '" + editing.name() + "'");
        name.setId("budget-name");
        name.setHelperText("e.g. \"Marketing monthly\"");
        unit.setId("budget-unit");
        unit.setItems(choices);
        unit.setItemLabelGenerator(units::label);
        unit.setValue(chosen);
        unit.setHelperText("Calls charged to this unit and the units below it count against the budget");
        amount.setId("budget-amount");
        currency.setId("budget-currency");
        currency.setItems(CURRENCIES);
        currency.setAllowCustomValue(true);
        currency.addCustomValueSetListener(custom -> currency.setValue(custom.getDetail()));
        currency.setValue("USD");
        period.setId("budget-period");
        period.setLabel("Period");
        period.setItems(BudgetPeriod.Kind.values());
        period.setItemLabelGenerator(BudgetDialog::kindLabel);
        period.setValue(BudgetPeriod.Kind.MONTHLY);
        customDays.setId("budget-custom-days");
        customDays.setVisible(false);
        period.addValueChangeListener(change -> customDays.setVisible(change.getValue() == BudgetPeriod.Kind.CUSTOM));
        startsOn.setId("budget-starts-on");
        startsOn.setValue(budgets.today());
        startsOn.setHelperText("Periods follow the calendar: a monthly budget renews on the 1st");
        enforcement.setId("budget-enforcement");
        enforcement.setItems(Enforcement.values());
        enforcement.setItemLabelGenerator(e -> e == Enforcement.HARD ? "Hard: refuse calls" : "Soft: alert only");
        enforcement.setValue(Enforcement.HARD);
        thresholds.setId("budget-thresholds");
        thresholds.setValue("50, 80, 100");
        thresholds.setHelperText("Percentages of the amount that notify the unit, comma-separated");
        errors.watch(name, "name");
        errors.watch(unit, "orgUnitId", "apiKeyId");
        errors.watch(amount, "amountMicros");
        errors.watch(currency, "currency");
        errors.watch(period, "period");
        errors.watch(customDays, "customDays");
        errors.watch(startsOn, "startsOn");
        errors.watch(enforcement, "enforcement");
        errors.watch(thresholds, "thresholds");
        if (editing != null) {
            fill(editing);
        }
        FormLayout form =
                new FormLayout(name, unit, amount, currency, period, customDays, startsOn, enforcement, thresholds);
        form.setColspan(name, 2);
        form.setColspan(enforcement, 2);
        form.setColspan(thresholds, 2);
        add(form);
        Button save = new Button(editing == null ? "Create budget" : "Save", click -> save());
        save.setId("budget-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("budget-cancel");
        getFooter().add(cancel, save);
        name.focus();
    }

    static String kindLabel(BudgetPeriod.Kind kind) {
        return switch (kind) {
            case MONTHLY -> "Monthly";
            case QUARTERLY -> "Quarterly";
            case CUSTOM -> "Custom (days)";
            case ONE_OFF -> "One-off";
        };
    }

    private void fill(Budget budget) {
        name.setValue(budget.name());
        amount.setValue(Amounts.decimal(budget.amount().micros()));
        currency.setValue(budget.amount().currency().getCurrencyCode());
        period.setValue(budget.period().kind());
        if (budget.period() instanceof BudgetPeriod.Custom custom) {
            customDays.setValue(custom.days());
        }
        startsOn.setValue(budget.period().startsOn());
        enforcement.setValue(budget.enforcement());
        thresholds.setValue(budget.thresholds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        // fixed at creation: a different unit, currency or period would start different counters
        unit.setReadOnly(true);
        currency.setReadOnly(true);
        period.setReadOnly(true);
        customDays.setReadOnly(true);
        startsOn.setReadOnly(true);
    }

    private void save() {
        errors.clear();
        Money money = money();
        List<Integer> percents = percents();
        if (money == null || percents == null) {
            return;
        }
        BudgetStatus saved;
        try {
            saved = editing == null ? create(money, percents) : update(money, percents);
        } catch (SwitchboardException.InvalidInput invalid) {
            errors.show(invalid);
            return;
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        if (saved == null) {
            return;
        }
        close();
        onSaved.accept(saved);
    }

    private BudgetStatus create(Money money, List<Integer> percents) {
        OrgUnit chosen = unit.getValue();
        if (chosen == null) {
            FieldErrors.show(unit, "choose the org unit the budget limits");
            return null;
        }
        if (period.getValue() == null) {
            FieldErrors.show(period, "choose how the budget renews");
            return null;
        }
        if (startsOn.getValue() == null) {
            FieldErrors.show(startsOn, "choose the first day the budget applies");
            return null;
        }
        Integer days = period.getValue() == BudgetPeriod.Kind.CUSTOM ? customDays.getValue() : null;
        BudgetPeriod renewal = BudgetPeriod.of(period.getValue(), days, startsOn.getValue());
        return budgets.create(new NewBudget(
                new BudgetScope.Unit(chosen.id()), name.getValue(), money, renewal, enforcement.getValue(), percents));
    }

    private BudgetStatus update(Money money, List<Integer> percents) {
        return budgets.update(editing.id(), new BudgetChange(name.getValue(), money, enforcement.getValue(), percents));
    }

    /** The typed amount, or {@code null} after marking the input. */
    private Money money() {
        Currency code;
        try {
            code = Currency.getInstance(
                    currency.getValue() == null ? "" : currency.getValue().strip());
        } catch (IllegalArgumentException unknown) {
            FieldErrors.show(currency, "'" + currency.getValue() + "' is not an ISO 4217 currency code");
            return null;
        }
        if (amount.getValue() == null) {
            FieldErrors.show(amount, "is required");
            return null;
        }
        try {
            return new Money(Amounts.micros(amount.getValue()), code);
        } catch (IllegalArgumentException invalid) {
            FieldErrors.show(amount, invalid.getMessage());
            return null;
        }
    }

    /** The typed thresholds, or {@code null} after marking the input. */
    private List<Integer> percents() {
        List<Integer> percents = new ArrayList<>();
        for (String part : thresholds.getValue().split(",")) {
            String p = part.strip().replace("%", "").strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                percents.add(Integer.parseInt(p));
            } catch (NumberFormatException notANumber) {
                FieldErrors.show(thresholds, "'" + part.strip() + "' is not a whole percentage");
                return null;
            }
        }
        return percents;
    }
}

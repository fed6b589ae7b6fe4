package dev.switchboard.ui.gateway;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.PriceList;
import dev.switchboard.catalog.Provider;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.org.UserRole;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Providers &amp; models against the real catalog and price list on the test database: the seeded
 * simulated deployments with their badge and prices, the filter, switching a provider off, and adding
 * a price (with the backend's validation shown on the fields).
 */
@ServedViewTest
class ModelsViewIT {

    static final ProviderId SIM_FAST = ProviderId.of("sim-fast");
    // nothing else in these tests routes to it, so switching it off for a moment disturbs no other test
    static final ProviderId SIM_CLAUDE = ProviderId.of("sim-claude");

    @Autowired
    ApplicationContext context;

    @Autowired
    Catalog catalog;

    @Autowired
    PriceList prices;

    MockBrowser browser;
    String suffix;

    @BeforeEach
    void openBrowser() {
        browser = MockBrowser.open(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void a_viewer_sees_the_simulated_deployments_with_the_badge_and_the_price_in_force() {
        browser.signInAs("vera-viewer", UserRole.VIEWER);
        ModelsGrid grid = openModels();

        int simChat = row(grid, SIM_FAST, "sim-chat");
        assertThat(_getFormatted(grid, simChat, "input")).isEqualTo("0.10 USD");
        assertThat(_getFormatted(grid, simChat, "cached")).isEqualTo("0.02 USD");
        assertThat(_getFormatted(grid, simChat, "output")).isEqualTo("0.40 USD");
        assertThat(_getFormatted(grid, simChat, "tier")).isEqualTo("economy");
        assertThat(_getFormatted(grid, simChat, "capabilities")).isEqualTo("json, streaming");
        assertThat(_getFormatted(grid, simChat, "context")).isEqualTo("128,000");
        assertThat(badges(_getCellComponent(grid, simChat, "provider"))).containsExactly(Badges.SIMULATED);
        assertThat(badges(_getCellComponent(grid, simChat, "status"))).containsExactly("Enabled");
        // a real provider's row carries no such badge (real providers are seeded disabled)
        int gpt = row(grid, ProviderId.of("openai"), "gpt-4o-mini");
        assertThat(badges(_getCellComponent(grid, gpt, "provider"))).isEmpty();
        assertThat(_getFormatted(grid, gpt, "input")).isEqualTo("0.15 USD");
        assertThat(_getFormatted(grid, gpt, "cached")).isEqualTo("0.075 USD");
        // looking is for everyone, changing is not
        _assertNone(Button.class, spec -> spec.withId("toggle-provider"));
        _assertNone(Button.class, spec -> spec.withId("add-price"));
        _assertOne(Button.class, spec -> spec.withId("price-history-button"));
    }

    @Test
    void the_filter_keeps_only_matching_deployments() {
        browser.signInAs("vera-viewer", UserRole.VIEWER);
        ModelsGrid grid = openModels();
        int everything = _findAll(grid).size();

        enter(_get(TextField.class, spec -> spec.withId("model-filter")), "SIM-SMART");

        List<ModelRow> shown = _findAll(grid);
        assertThat(shown).isNotEmpty().hasSizeLessThan(everything);
        assertThat(shown)
                .allSatisfy(row -> assertThat(row.deployment().modelName()).isEqualTo("sim-smart"));
    }

    @Test
    void an_admin_switches_a_provider_off_and_both_grids_show_it() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        ModelsGrid models = openModels();
        ProvidersGrid providers = _get(ProvidersGrid.class, spec -> spec.withId("providers-grid"));
        Button toggle = _get(Button.class, spec -> spec.withId("toggle-provider"));
        try {
            providers.select(provider(providers, SIM_CLAUDE));
            assertThat(toggle.getText()).isEqualTo("Disable provider");
            _click(toggle);

            assertThat(catalog.provider(SIM_CLAUDE).enabled()).isFalse();
            int row = _findAll(providers).indexOf(provider(providers, SIM_CLAUDE));
            assertThat(badges(_getCellComponent(providers, row, "status"))).containsExactly("Disabled");
            int deployment = row(models, SIM_CLAUDE, "sim-claude");
            assertThat(badges(_getCellComponent(models, deployment, "status"))).containsExactly("Provider disabled");
            // the provider stays selected, so the same button turns it back on
            assertThat(toggle.getText()).isEqualTo("Enable provider");
            _click(toggle);
            assertThat(catalog.provider(SIM_CLAUDE).enabled()).isTrue();
        } finally {
            catalog.setEnabled(SIM_CLAUDE, true);
        }
    }

    @Test
    void finance_adds_a_later_price_which_the_history_shows_as_scheduled() {
        browser.signInAs("carol", UserRole.FINANCE);
        ModelsGrid grid = openModels();
        ModelRow smart = _findAll(grid).get(row(grid, ProviderId.of("sim-smart"), "sim-smart"));
        grid.select(smart);
        _click(_get(Button.class, spec -> spec.withId("add-price")));
        // the dialog starts from the price in force
        BigDecimalField output = _get(BigDecimalField.class, spec -> spec.withId("price-output"));
        assertThat(output.getValue()).isEqualByComparingTo("12.00");

        // a unique minute some weeks ahead: the test database outlives a run, and a price cannot start twice
        LocalDateTime later = LocalDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusDays(40)
                .plusMinutes(ThreadLocalRandom.current().nextInt(100_000));
        enter(output, new BigDecimal("12.5"));
        enter(_get(DateTimePicker.class, spec -> spec.withId("price-effective")), later);
        enter(_get(TextField.class, spec -> spec.withId("price-source")), "contract " + suffix);
        _click(_get(Button.class, spec -> spec.withId("save-price")));

        _assertNoDialogs();
        Price added = prices.history(smart.deployment().id()).stream()
                .filter(p -> p.source().equals("contract " + suffix))
                .findFirst()
                .orElseThrow();
        assertThat(added.outputMicrosPerMTok()).isEqualTo(12_500_000L);
        assertThat(added.inputMicrosPerMTok()).isEqualTo(3_000_000L);
        assertThat(added.effectiveFrom()).isEqualTo(later.toInstant(ZoneOffset.UTC));
        // calls made now keep the price in force
        assertThat(_getFormatted(grid, row(grid, ProviderId.of("sim-smart"), "sim-smart"), "output"))
                .isEqualTo("12.00 USD");

        grid.select(smart);
        _click(_get(Button.class, spec -> spec.withId("price-history-button")));
        @SuppressWarnings("unchecked")
        Grid<Price> history = _get(Grid.class, spec -> spec.withId("price-history"));
        int scheduled = _findAll(history).indexOf(added);
        assertThat(_getFormatted(history, scheduled, "state")).isEqualTo(PriceHistoryDialog.SCHEDULED);
        assertThat(_getFormatted(history, scheduled, "output")).isEqualTo("12.50 USD");
        List<String> states = IntStream.range(0, _findAll(history).size())
                .mapToObj(i -> _getFormatted(history, i, "state"))
                .toList();
        assertThat(states).containsOnlyOnce(PriceHistoryDialog.IN_FORCE);
    }

    @Test
    void a_price_starting_in_the_past_or_finer_than_a_micro_is_refused_on_its_field() {
        browser.signInAs("admin", UserRole.PLATFORM_ADMIN);
        ModelsGrid grid = openModels();
        ModelRow simChat = _findAll(grid).get(row(grid, SIM_FAST, "sim-chat"));
        int before = prices.history(simChat.deployment().id()).size();
        grid.select(simChat);
        _click(_get(Button.class, spec -> spec.withId("add-price")));
        DateTimePicker effective = _get(DateTimePicker.class, spec -> spec.withId("price-effective"));
        BigDecimalField input = _get(BigDecimalField.class, spec -> spec.withId("price-input"));
        enter(_get(TextField.class, spec -> spec.withId("price-source")), "too early " + suffix);

        enter(effective, LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        _click(_get(Button.class, spec -> spec.withId("save-price")));

        assertThat(effective.isInvalid()).isTrue();
        assertThat(effective.getErrorMessage()).startsWith("Must be now or later");
        _assertOne(AddPriceDialog.class);

        enter(input, new BigDecimal("0.0000001"));
        _click(_get(Button.class, spec -> spec.withId("save-price")));

        assertThat(input.isInvalid()).isTrue();
        assertThat(input.getErrorMessage()).contains("at most 6 decimals");
        assertThat(prices.history(simChat.deployment().id())).hasSize(before);
    }

    private ModelsGrid openModels() {
        UI.getCurrent().navigate(ModelsView.class);
        return _get(ModelsGrid.class, spec -> spec.withId("models-grid"));
    }

    private static int row(ModelsGrid grid, ProviderId provider, String model) {
        List<ModelRow> rows = _findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            ModelRow row = rows.get(i);
            if (row.provider().id().equals(provider)
                    && row.deployment().modelName().equals(model)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + model + " at " + provider);
    }

    private static Provider provider(ProvidersGrid grid, ProviderId id) {
        return _findAll(grid).stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> badges(Component cell) {
        return _find(cell, Badge.class).stream().map(Badge::getText).toList();
    }
}

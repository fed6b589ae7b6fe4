package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.DeploymentId;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.PriceList;
import dev.switchboard.catalog.Provider;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.org.UserRole;
import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.ui.AppShell;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.security.CurrentUser;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * Gateway → Providers &amp; models: every provider and deployment with the price in force now.
 * Everyone signed in may look; platform admins switch providers on and off, platform admins and
 * finance add prices. Hiding those buttons is a courtesy: {@code Catalog} and {@code PriceList} check
 * the roles themselves.
 */
@Route(value = "gateway/models", layout = MainLayout.class)
@PageTitle("Providers & models | Switchboard")
@PermitAll
public class ModelsView extends VerticalLayout {

    private final Catalog catalog;
    private final PriceList prices;
    private final Clock clock;
    private final ProvidersGrid providers = new ProvidersGrid();
    private final ModelsGrid models = new ModelsGrid();
    private final TextField filter = new TextField();
    private final Button toggleProvider = new Button("Disable provider", click -> toggleProvider());
    private final Button addPrice = new Button("Add price", click -> openAddPrice());
    private final Button history = new Button("Price history", click -> openHistory());
    private List<ModelRow> rows = List.of();

    ModelsView(Catalog catalog, PriceList prices, CurrentUser user, Clock clock) {
        this.catalog = catalog;
        this.prices = prices;
        this.clock = clock;
        Set<UserRole> roles = user.roles();
        setSizeFull();
        add(new H2("Providers & models"));
        Paragraph intro = new Paragraph(
                "Wholesale list prices per million tokens, as in force now. Providers marked " + Badges.SIMULATED
                        + " are built into " + AppShell.PRODUCT + ": their answers are not real model output.");
        intro.setId("models-intro");
        add(intro, new H3("Providers"));
        toggleProvider.setId("toggle-provider");
        toggleProvider.setEnabled(false);
        if (roles.contains(UserRole.PLATFORM_ADMIN)) {
            add(toggleProvider);
        }
        providers.addSelectionListener(selection -> updateActions());
        add(providers, new H3("Models"));
        add(modelToolbar(roles.contains(UserRole.PLATFORM_ADMIN) || roles.contains(UserRole.FINANCE)));
        models.addSelectionListener(selection -> updateActions());
        models.setMinHeight("20rem");
        addAndExpand(models);
        refresh();
    }

    private HorizontalLayout modelToolbar(boolean mayPrice) {
        filter.setId("model-filter");
        filter.setPlaceholder("Filter by model, provider, tier, capability");
        filter.setClearButtonVisible(true);
        filter.setWidth("24rem");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> showModels());
        history.setId("price-history-button");
        addPrice.setId("add-price");
        HorizontalLayout toolbar = new HorizontalLayout(filter, history);
        if (mayPrice) {
            toolbar.add(addPrice);
        }
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private void refresh() {
        List<Provider> all = catalog.providers();
        Map<ProviderId, Provider> byId = all.stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        Map<DeploymentId, Price> inForce = prices.pricesAt(clock.instant());
        rows = catalog.deployments().stream()
                .map(d -> new ModelRow(d, byId.get(d.providerId()), inForce.get(d.id())))
                .filter(row -> row.provider() != null)
                .sorted(Comparator.comparing((ModelRow row) -> !row.simulated())
                        .thenComparing(row -> row.provider().displayName(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(row -> row.deployment().modelName()))
                .toList();
        providers.show(all);
        showModels();
    }

    private void showModels() {
        String text = filter.getValue();
        models.show(rows.stream().filter(row -> row.matches(text)).toList());
        updateActions();
    }

    private void updateActions() {
        Provider provider = providers.selected().orElse(null);
        toggleProvider.setEnabled(provider != null);
        toggleProvider.setText(provider != null && !provider.enabled() ? "Enable provider" : "Disable provider");
        boolean deployment = models.selected().isPresent();
        addPrice.setEnabled(deployment);
        history.setEnabled(deployment);
    }

    private void toggleProvider() {
        Provider provider = providers.selected().orElse(null);
        if (provider == null) {
            return;
        }
        boolean enable = !provider.enabled();
        try {
            catalog.setEnabled(provider.id(), enable);
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
            return;
        }
        Toasts.success((enable ? "Enabled '" : "Disabled '") + provider.displayName() + "': the router "
                + (enable ? "may use it" : "stops sending calls to it") + " within a few seconds.");
        refresh();
    }

    private void openAddPrice() {
        models.selected().ifPresent(row -> new AddPriceDialog(prices, row, this::refresh).open());
    }

    private void openHistory() {
        models.selected().ifPresent(row -> new PriceHistoryDialog(prices, row, clock.instant()).open());
    }
}

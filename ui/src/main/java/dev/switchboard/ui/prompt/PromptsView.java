package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptSummary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Prompts → the library: every template the person may read (their units' and the shared ones), found
 * by words and a tag; designers create templates and import them as YAML. A template's name opens it.
 */
@Route(value = "prompts", layout = MainLayout.class)
@PageTitle("Prompts | Switchboard")
@PermitAll
public class PromptsView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PromptLibrary library;
    private final PromptScope scope;
    private final TextField search = new TextField();
    private final ComboBox<String> tag = new ComboBox<>();
    private final Grid<PromptSummary> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    PromptsView(PromptLibrary library, PromptScope scope) {
        this.library = library;
        this.scope = scope;
        setSizeFull();
        add(new H2("Prompts"), toolbar(), count);
        count.setId("prompts-count");
        count.addClassName("sb-quiet");
        configureGrid();
        add(grid);
        // the tags offered are those of every readable template, so a filter never hides its own choices
        tag.setItems(library.list(null, null).stream()
                .flatMap(s -> s.tags().stream())
                .distinct()
                .sorted()
                .toList());
        refresh();
    }

    private HorizontalLayout toolbar() {
        search.setId("prompts-search");
        search.setPlaceholder("Search name, key, description, tags");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22rem");
        search.addValueChangeListener(change -> refresh());
        tag.setId("prompts-tag");
        tag.setPlaceholder("Any tag");
        tag.setClearButtonVisible(true);
        tag.addValueChangeListener(change -> refresh());
        HorizontalLayout bar = new HorizontalLayout(search, tag);
        if (!scope.owners().isEmpty()) {
            Button create = new Button("New template", click -> new NewPromptDialog(library, scope, this::open).open());
            create.setId("prompts-new");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            Button importYaml = new Button("Import YAML", click -> new ImportDialog(library, scope, this::open).open());
            importYaml.setId("prompts-import");
            bar.add(create, importYaml);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void configureGrid() {
        grid.setId("prompts-grid");
        grid.addComponentColumn(s -> {
                    RouterLink link = new RouterLink(s.name(), PromptEditorView.class, id(s));
                    link.setId("prompt-open-" + s.key());
                    return link;
                })
                .setHeader("Name")
                .setKey("name")
                .setFlexGrow(2);
        grid.addColumn(PromptSummary::key).setHeader("Key").setKey("key").setFlexGrow(2);
        grid.addColumn(s -> scope.label(s.orgUnitId())).setHeader("Org unit").setKey("unit");
        grid.addColumn(s -> String.join(", ", s.tags()))
                .setHeader("Tags")
                .setKey("tags")
                .setFlexGrow(2);
        grid.addColumn(s -> s.publishedVersion() == null ? "none" : "v" + s.publishedVersion())
                .setHeader("Published")
                .setKey("published");
        grid.addColumn(s -> s.draftVersion() == null ? "no" : "yes (v" + s.draftVersion() + ")")
                .setHeader("Draft")
                .setKey("draft");
        grid.addColumn(s -> time(s.updatedAt())).setHeader("Updated (UTC)").setKey("updated");
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private void refresh() {
        List<PromptSummary> shown = library.list(search.getValue(), tag.getValue());
        grid.setItems(shown);
        count.setText(shown.size() + (shown.size() == 1 ? " template" : " templates"));
    }

    private void open(PromptVersion version) {
        getUI().ifPresent(ui -> ui.navigate(
                PromptEditorView.class,
                new RouteParameters(PromptPage.ID, version.templateId().toString())));
    }

    private static RouteParameters id(PromptSummary s) {
        return new RouteParameters(PromptPage.ID, s.id().toString());
    }
}

package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import dev.switchboard.prompt.PromptId;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptSummary;
import java.util.Optional;
import java.util.UUID;

/**
 * A page about one template ({@code prompts/:id/...}): it finds the template among those the person may
 * read, shows the common header with the links between the template's pages, and leaves the rest to the
 * page. A template the person may not read is said not to exist, as the backend says it.
 */
abstract class PromptPage extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "id";

    protected final PromptLibrary library;
    protected final PromptScope scope;

    PromptPage(PromptLibrary library, PromptScope scope) {
        this.library = library;
        this.scope = scope;
        setWidthFull();
    }

    private PromptId shown;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        shown = event.getRouteParameters().get(ID).flatMap(PromptPage::parse).orElse(null);
        reload();
    }

    /** Draws the page again from what is stored now (after a save, publish or roll back). */
    void reload() {
        removeAll();
        Optional<PromptSummary> summary = Optional.ofNullable(shown).flatMap(this::find);
        if (summary.isEmpty()) {
            Paragraph missing = new Paragraph("This prompt template does not exist, or it is not yours to read.");
            missing.setId("prompt-missing");
            missing.addClassName("sb-error");
            add(missing);
            return;
        }
        add(new PromptHeader(summary.get(), scope));
        build(summary.get());
    }

    /** Fills the page below the header. */
    abstract void build(PromptSummary summary);

    private Optional<PromptSummary> find(PromptId id) {
        return library.list(null, null).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static Optional<PromptId> parse(String id) {
        try {
            return Optional.of(new PromptId(UUID.fromString(id)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.switchboard.prompt.PromptSummary;

/** The top of a template's pages: its name, key, owner and versions, and links to its other pages. */
final class PromptHeader extends VerticalLayout {

    PromptHeader(PromptSummary summary, PromptScope scope) {
        setPadding(false);
        setSpacing(false);
        H2 title = new H2(summary.name());
        title.setId("prompt-title");
        Paragraph meta = new Paragraph(meta(summary, scope.label(summary.orgUnitId())));
        meta.setId("prompt-meta");
        meta.addClassName("sb-quiet");
        RouteParameters id = new RouteParameters(PromptPage.ID, summary.id().toString());
        HorizontalLayout links = new HorizontalLayout(
                link("Editor", PromptEditorView.class, id, "prompt-link-editor"),
                link("Playground", PlaygroundView.class, id, "prompt-link-playground"),
                link("Versions", HistoryView.class, id, "prompt-link-history"),
                link("Test cases", TestCasesView.class, id, "prompt-link-tests"),
                new RouterLink("All prompts", PromptsView.class));
        add(title, meta, links);
    }

    static String meta(PromptSummary s, String owner) {
        String published = s.publishedVersion() == null ? "not published yet" : "published v" + s.publishedVersion();
        String draft = s.draftVersion() == null ? "no draft" : "draft v" + s.draftVersion();
        return s.key() + " · " + owner + " · " + published + " · " + draft;
    }

    private static RouterLink link(
            String text, Class<? extends PromptPage> page, RouteParameters id, String elementId) {
        RouterLink link = new RouterLink(text, page, id);
        link.setId(elementId);
        return link;
    }
}

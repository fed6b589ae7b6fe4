package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowSummary;
import java.util.Optional;
import java.util.UUID;

/**
 * A page about one workflow ({@code workflows/:id/...}): it finds the workflow among those the person may
 * read, shows its name, key, owner and versions with the links between its pages, and leaves the rest to
 * the page. A workflow the person may not read is said not to exist, as the backend says it.
 */
abstract class WorkflowPage extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "id";

    protected final WorkflowStore store;
    protected final PromptScope scope;
    private UUID shown;

    WorkflowPage(WorkflowStore store, PromptScope scope) {
        this.store = store;
        this.scope = scope;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        shown = event.getRouteParameters().get(ID).flatMap(Texts::uuid).orElse(null);
        reload();
    }

    /** Draws the page again from what is stored now (after a save, publish or roll back). */
    void reload() {
        removeAll();
        Optional<WorkflowSummary> summary = Optional.ofNullable(shown)
                .flatMap(id ->
                        store.list(null).stream().filter(s -> s.id().equals(id)).findFirst());
        if (summary.isEmpty()) {
            Paragraph missing = new Paragraph("This workflow does not exist, or it is not yours to read.");
            missing.setId("workflow-missing");
            missing.addClassName("sb-error");
            add(missing);
            return;
        }
        add(header(summary.get()));
        build(summary.get());
    }

    /** Fills the page below the header. */
    abstract void build(WorkflowSummary summary);

    private VerticalLayout header(WorkflowSummary s) {
        H2 title = new H2(s.name());
        title.setId("workflow-title");
        String published = s.publishedVersion() == null ? "not published yet" : "published v" + s.publishedVersion();
        Paragraph meta = new Paragraph(s.key() + " · " + scope.label(WorkflowsView.unit(s)) + " · " + published + " · "
                + (s.draftOpen() ? "draft open" : "no draft"));
        meta.setId("workflow-meta");
        meta.addClassName("sb-quiet");
        RouteParameters id = WorkflowsView.id(s);
        RouterLink editor = new RouterLink("Editor", WorkflowEditorView.class, id);
        editor.setId("workflow-link-editor");
        RouterLink run = new RouterLink("Run", RunFormView.class, id);
        run.setId("workflow-link-run");
        VerticalLayout header = new VerticalLayout(
                title, meta, new HorizontalLayout(editor, run, new RouterLink("All workflows", WorkflowsView.class)));
        header.setPadding(false);
        header.setSpacing(false);
        return header;
    }
}

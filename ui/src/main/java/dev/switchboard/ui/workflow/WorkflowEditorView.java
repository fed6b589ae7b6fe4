package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.prompt.Attempts;
import dev.switchboard.ui.prompt.PromptScope;
import dev.switchboard.ui.shell.MainLayout;
import dev.switchboard.workflow.WorkflowDefinition;
import dev.switchboard.workflow.WorkflowDocuments;
import dev.switchboard.workflow.WorkflowProblem;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowSummary;
import dev.switchboard.workflow.WorkflowVersion;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Workflows → a workflow's editor: its draft (or newest version) as JSON, checked as the person types
 * ({@code WorkflowStore.check}, nothing stored) with each problem named by node and field, and beside it
 * the graph the JSON describes, problem nodes outlined. Save draft, publish and discard are offered to
 * those who may change the workflow; the backend refuses to publish what does not validate. Below: the
 * versions, their differences, and roll back.
 */
@Route(value = "workflows/:id", layout = MainLayout.class)
@PageTitle("Workflow editor | Switchboard")
@PermitAll
public class WorkflowEditorView extends WorkflowPage {

    /** How long typing pauses before the JSON is checked again. */
    static final int CHECK_AFTER_MILLIS = 400;

    private final TextArea json = new TextArea();
    private final Div problems = new Div();
    private final Div graph = new Div();
    private final Paragraph state = new Paragraph();
    private WorkflowSummary summary;
    private WorkflowVersion current;
    private String stored;
    private List<WorkflowProblem> found = List.of();

    WorkflowEditorView(WorkflowStore store, PromptScope scope) {
        super(store, scope);
        json.setId("editor-json");
        json.setWidthFull();
        json.setMinRows(24);
        json.setMaxRows(40);
        json.getStyle().set("font-family", "monospace").set("font-size", "0.85rem");
        json.setValueChangeMode(ValueChangeMode.TIMEOUT);
        json.setValueChangeTimeout(CHECK_AFTER_MILLIS);
        json.addValueChangeListener(change -> validate());
        problems.setId("editor-problems");
        graph.setId("editor-graph");
        state.setId("editor-state");
    }

    @Override
    void build(WorkflowSummary shown) {
        this.summary = shown;
        this.current = store.versions(shown.id()).getLast();
        state.setText(
                current.published()
                        ? "Version " + current.number() + " is published and never changes: saving starts a new draft."
                        : "Editing the draft, version " + current.number() + ". Publish it to make it runnable.");
        // as export writes it (the format import takes), not as the database keeps it
        stored = WorkflowDocuments.write(current.definition());
        json.setValue(stored);
        boolean editable = scope.canEdit(WorkflowsView.unit(shown));
        json.setReadOnly(!editable);
        HorizontalLayout actions = editable ? buttons() : new HorizontalLayout();
        if (!editable) {
            Paragraph readOnly = new Paragraph(
                    shown.orgUnitId() == null
                            ? "Shared workflows are changed by platform admins only. Import its JSON into your unit to"
                                    + " make your own."
                            : "Only platform admins and designers of " + scope.label(WorkflowsView.unit(shown))
                                    + " change this workflow.");
            readOnly.setId("editor-read-only");
            add(readOnly);
        }
        actions.add(export());
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout right = new VerticalLayout(problems, graph);
        right.setPadding(false);
        HorizontalLayout body = new HorizontalLayout(json, right);
        body.setWidthFull();
        body.setFlexGrow(1, json);
        body.setFlexGrow(1, right);
        add(state, actions, body, new H3("Versions"), new VersionsPanel(store, shown, editable, this::reload));
        validate();
    }

    private HorizontalLayout buttons() {
        Button discard = button("Discard draft", "editor-discard", this::discard, ButtonVariant.ERROR);
        // a first draft is the whole workflow: discarding it would leave a workflow of no version
        discard.setEnabled(!current.published() && current.number() > 1);
        return new HorizontalLayout(
                button("Save draft", "editor-save", this::save, ButtonVariant.PRIMARY),
                button("Publish", "editor-publish", this::publish, ButtonVariant.SUCCESS),
                discard);
    }

    private static Button button(String text, String id, Runnable action, ButtonVariant variant) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(variant);
        return button;
    }

    private Anchor export() {
        String file = summary.key() + "-v" + current.number() + ".json";
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event ->
                        new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/json", bytes.length)),
                AttachmentType.DOWNLOAD,
                "Export JSON");
        export.setId("editor-export");
        return export;
    }

    /** Checks the JSON as typed, lists what is wrong and draws what it describes. */
    private void validate() {
        found = store.check(json.getValue());
        problems.removeAll();
        Paragraph count = new Paragraph(
                found.isEmpty()
                        ? "No problems found."
                        : found.size() + (found.size() == 1 ? " problem" : " problems") + " to fix before publishing:");
        count.setId("editor-problem-count");
        problems.add(count);
        for (int i = 0; i < found.size(); i++) {
            Paragraph line = new Paragraph(Texts.describe(found.get(i)));
            line.setId("editor-problem-" + i);
            line.addClassName("sb-error");
            problems.add(line);
        }
        graph.removeAll();
        WorkflowDefinition definition = WorkflowDocuments.read(json.getValue()).definition();
        if (definition == null) {
            Paragraph none = new Paragraph("The graph is drawn once the JSON reads as a workflow.");
            none.setId("editor-graph-none");
            none.addClassName("sb-quiet");
            graph.add(none);
            return;
        }
        graph.add(WorkflowGraph.of(
                definition,
                WorkflowGraph.known(
                        definition, found.stream().map(WorkflowProblem::node).toList()),
                Map.of()));
    }

    private boolean changed() {
        return !json.getValue().equals(stored);
    }

    private void save() {
        WorkflowVersion saved = Attempts.attempt(() -> store.saveDraft(summary.id(), json.getValue()));
        if (saved != null) {
            Toasts.success("Saved draft v" + saved.number());
            reload();
        }
    }

    private void publish() {
        if (current.published() && !changed()) {
            Toasts.problem("Nothing to publish: version " + current.number() + " is published as it is.");
            return;
        }
        // the draft is kept even when publishing is refused: the person fixes it from there
        boolean saving = changed();
        WorkflowVersion published = Attempts.attempt(() -> {
            if (saving) {
                store.saveDraft(summary.id(), json.getValue());
            }
            return store.publish(summary.id());
        });
        if (published != null) {
            Toasts.success("Published version " + published.number());
        }
        if (published != null || saving) {
            reload();
        }
    }

    private void discard() {
        if (Attempts.done(() -> store.discardDraft(summary.id()))) {
            Toasts.success("Discarded draft v" + current.number());
            reload();
        }
    }
}

package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptSummary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.prompts.PromptTemplate;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prompts → a template's editor: the draft (or the newest version) as inputs, checked as the person
 * types ({@code PromptLibrary.check}, nothing stored), each problem on its input and in a summary. Save
 * draft, publish and discard are offered to those who may change the template and refused while the
 * template has problems; everyone else reads it.
 */
@Route(value = "prompts/:id", layout = MainLayout.class)
@PageTitle("Prompt editor | Switchboard")
@PermitAll
public class PromptEditorView extends PromptPage {

    private final List<String> modelNames;
    private final Div problems = new Div();
    private final Paragraph state = new Paragraph();
    private TemplateForm form;
    private PromptSummary summary;
    private PromptVersion current;
    private List<PromptProblem> found = List.of();

    PromptEditorView(PromptLibrary library, PromptScope scope, Catalog catalog) {
        super(library, scope);
        this.modelNames = ModelNames.of(catalog);
        problems.setId("editor-problems");
        state.setId("editor-state");
    }

    @Override
    void build(PromptSummary shown) {
        this.summary = shown;
        this.current = library.current(shown.id());
        form = new TemplateForm(modelNames, this::validate);
        form.fill(current.template());
        state.setText(stateText(current));
        add(state);
        boolean editable = scope.canEdit(shown.orgUnitId());
        if (editable) {
            add(buttons());
        } else {
            Paragraph readOnly = new Paragraph(scope.whyReadOnly(shown.orgUnitId()));
            readOnly.setId("editor-read-only");
            add(readOnly);
        }
        form.setReadOnly(!editable);
        add(problems, form);
        validate();
    }

    private HorizontalLayout buttons() {
        Button save = new Button("Save draft", click -> save());
        save.setId("editor-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button publish = new Button("Publish", click -> publish());
        publish.setId("editor-publish");
        Button discard = new Button("Discard draft", click -> discard());
        discard.setId("editor-discard");
        discard.addThemeVariants(ButtonVariant.ERROR);
        // the first draft is all a new template has: discarding it would leave a template of no version
        boolean olderVersionStays = current.number() > 1;
        discard.setEnabled(!current.published() && olderVersionStays);
        if (!current.published() && !olderVersionStays) {
            discard.getElement().setAttribute("title", "The first draft is the whole template: edit it instead");
        }
        return new HorizontalLayout(save, publish, discard);
    }

    static String stateText(PromptVersion version) {
        return version.published()
                ? "Version " + version.number() + " is published and never changes: saving starts a new draft."
                : "Editing the draft, version " + version.number() + ". Publish it to make it usable by workflows.";
    }

    /** Checks the template as typed and shows what is wrong; returns the template. */
    private PromptTemplate validate() {
        List<PromptProblem> all = new ArrayList<>();
        PromptTemplate typed = form.template(all);
        all.addAll(library.check(typed));
        found = List.copyOf(all);
        form.show(found);
        problems.removeAll();
        Paragraph count = new Paragraph(
                found.isEmpty()
                        ? "No problems found."
                        : found.size() + (found.size() == 1 ? " problem" : " problems") + " to fix before saving:");
        count.setId("editor-problem-count");
        problems.add(count);
        for (int i = 0; i < found.size(); i++) {
            Paragraph line = new Paragraph(ProblemTargets.describe(found.get(i)));
            line.setId("editor-problem-" + i);
            line.addClassName("sb-error");
            problems.add(line);
        }
        return typed;
    }

    private void save() {
        PromptTemplate typed = validate();
        if (refusedForProblems("saved")) {
            return;
        }
        PromptVersion saved = attempt(() -> library.saveDraft(summary.id(), typed));
        if (saved != null) {
            Toasts.success("Saved draft v" + saved.number());
            reload();
        }
    }

    private void publish() {
        PromptTemplate typed = validate();
        if (refusedForProblems("published")) {
            return;
        }
        if (current.published() && typed.equals(current.template())) {
            Toasts.problem("Nothing to publish: version " + current.number() + " is published as it is.");
            return;
        }
        PromptVersion published = attempt(() -> {
            library.saveDraft(summary.id(), typed);
            return library.publish(summary.id());
        });
        if (published != null) {
            Toasts.success("Published version " + published.number());
            reload();
        }
    }

    private void discard() {
        if (Attempts.done(() -> library.discardDraft(summary.id()))) {
            Toasts.success("Discarded draft v" + current.number());
            reload();
        }
    }

    private boolean refusedForProblems(String what) {
        if (found.isEmpty()) {
            return false;
        }
        Toasts.problem("The template cannot be " + what + " with " + found.size()
                + (found.size() == 1 ? " problem" : " problems") + ". First: "
                + ProblemTargets.describe(found.getFirst()));
        return true;
    }

    private <T> T attempt(Supplier<T> change) {
        return Attempts.attempt(change, invalid -> {
            found = invalid.problems();
            form.show(found);
            Toasts.problem(ExpectedProblems.sentence(invalid.getMessage()));
        });
    }
}

package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptSummary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.PromptDiff;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.DiffPanel;
import dev.switchboard.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Prompts → a template's versions: each with its status and who published it when, the difference
 * between any two (added and removed lines coloured), the YAML of a version to download, and a roll back
 * that makes the draft a copy of an older version (published, it becomes the newest).
 */
@Route(value = "prompts/:id/history", layout = MainLayout.class)
@PageTitle("Prompt versions | Switchboard")
@PermitAll
public class HistoryView extends PromptPage {

    private final Grid<PromptVersion> grid = new Grid<>();
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final DiffPanel diff = new DiffPanel();
    private final Anchor export = new Anchor();
    private final Button rollback = new Button("Roll back to this version", click -> confirmRollback());
    private PromptSummary summary;

    HistoryView(PromptLibrary library, PromptScope scope) {
        super(library, scope);
        configureGrid();
        from.setId("history-from");
        from.setLabel("From");
        to.setId("history-to");
        to.setLabel("To");
        export.setId("history-export");
        export.setText("Export YAML");
        rollback.setId("history-rollback");
    }

    @Override
    void build(PromptSummary shown) {
        this.summary = shown;
        List<PromptVersion> versions = library.versions(shown.id()).reversed();
        grid.setItems(versions);
        List<Integer> numbers = versions.stream().map(PromptVersion::number).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        to.setValue(numbers.getFirst());
        from.setValue(numbers.size() > 1 ? numbers.get(1) : numbers.getFirst());
        Button compare = new Button("Show differences", click -> showDiff());
        compare.setId("history-diff");
        HorizontalLayout pick = new HorizontalLayout(from, to, compare);
        pick.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(export);
        if (scope.canEdit(shown.orgUnitId())) {
            actions.add(rollback);
        }
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(grid, actions, pick, diff);
        grid.select(versions.getFirst());
        showSelected();
    }

    private void configureGrid() {
        grid.setId("history-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> "v" + v.number()).setHeader("Version").setKey("number");
        grid.addColumn(v -> v.published() ? "published" : "draft")
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(v -> v.createdBy() + " · " + PromptsView.time(v.createdAt()))
                .setHeader("Written by (UTC)")
                .setKey("created");
        grid.addColumn(v -> v.published() ? v.publishedBy() + " · " + PromptsView.time(v.publishedAt()) : "")
                .setHeader("Published by (UTC)")
                .setKey("publishedAt");
        grid.addColumn(v -> v.basedOn() == null ? "" : "v" + v.basedOn())
                .setHeader("Copied from")
                .setKey("basedOn");
        grid.addSelectionListener(selection -> showSelected());
    }

    private Optional<PromptVersion> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void showSelected() {
        Optional<PromptVersion> version = selected();
        rollback.setEnabled(version.isPresent());
        export.setEnabled(version.isPresent());
        version.ifPresent(v -> export.setHref(
                event -> {
                    byte[] yaml = library.exportYaml(summary.id(), v.number()).getBytes(StandardCharsets.UTF_8);
                    event.setFileName(summary.key() + "-v" + v.number() + ".yaml");
                    event.setContentType("application/yaml; charset=utf-8");
                    event.setContentLength(yaml.length);
                    event.getOutputStream().write(yaml);
                },
                AttachmentType.DOWNLOAD));
    }

    private void showDiff() {
        if (from.getValue() == null || to.getValue() == null) {
            Toasts.problem("Choose two versions to compare.");
            return;
        }
        PromptDiff found = Attempts.attempt(() -> library.diff(summary.id(), from.getValue(), to.getValue()));
        if (found != null) {
            diff.show(from.getValue(), to.getValue(), found);
        }
    }

    private void confirmRollback() {
        PromptVersion version = selected().orElse(null);
        if (version == null) {
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Roll back to version " + version.number() + "?");
        confirm.add(new Paragraph("The draft becomes a copy of version " + version.number()
                + " (an open draft is replaced). Published versions stay as they are; publish the draft to"
                + " make the old text the newest version."));
        Button cancel = new Button("Cancel", click -> confirm.close());
        cancel.setId("history-rollback-cancel");
        Button yes = new Button("Roll back", click -> {
            confirm.close();
            rollBack(version);
        });
        yes.setId("history-rollback-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.getFooter().add(cancel, yes);
        confirm.open();
    }

    private void rollBack(PromptVersion version) {
        PromptVersion draft = Attempts.attempt(() -> library.rollback(summary.id(), version.number()));
        if (draft == null) {
            return;
        }
        Toasts.success("Draft v" + draft.number() + " is now a copy of version " + version.number()
                + "; publish it to finish the roll back");
        reload();
    }
}

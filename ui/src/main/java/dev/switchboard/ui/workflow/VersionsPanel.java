package dev.switchboard.ui.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.switchboard.prompts.PromptDiff;
import dev.switchboard.ui.Toasts;
import dev.switchboard.ui.form.DiffPanel;
import dev.switchboard.ui.prompt.Attempts;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowSummary;
import dev.switchboard.workflow.WorkflowVersion;
import java.util.List;

/**
 * A workflow's versions, newest first: who wrote and published each when, the difference between any
 * two (about, inputs, each node, edges, layout), and a roll back that makes the draft a copy of the
 * selected version (publish it to make the old workflow the newest version).
 */
final class VersionsPanel extends VerticalLayout {

    private final WorkflowStore store;
    private final WorkflowSummary summary;
    private final Runnable onRolledBack;
    private final Grid<WorkflowVersion> grid = new Grid<>();
    private final Select<Integer> older = new Select<>();
    private final Select<Integer> newer = new Select<>();
    private final DiffPanel diff = new DiffPanel();

    VersionsPanel(WorkflowStore store, WorkflowSummary summary, boolean editable, Runnable onRolledBack) {
        this.store = store;
        this.summary = summary;
        this.onRolledBack = onRolledBack;
        setPadding(false);
        List<WorkflowVersion> versions = store.versions(summary.id()).reversed();
        grid.setId("versions-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> "v" + v.number()).setHeader("Version").setKey("number");
        grid.addColumn(v -> v.published() ? "published" : "draft").setHeader("Status");
        grid.addColumn(v -> v.createdBy() + " · " + Texts.time(v.createdAt())).setHeader("Written (UTC)");
        grid.addColumn(v -> v.published() ? v.publishedBy() + " · " + Texts.time(v.publishedAt()) : "")
                .setHeader("Published (UTC)");
        grid.setItems(versions);
        List<Integer> numbers = versions.stream().map(WorkflowVersion::number).toList();
        older.setId("versions-from");
        older.setLabel("From");
        older.setItems(numbers);
        older.setValue(numbers.get(Math.min(1, numbers.size() - 1)));
        newer.setId("versions-to");
        newer.setLabel("To");
        newer.setItems(numbers);
        newer.setValue(numbers.getFirst());
        Button compare = new Button("Show differences", click -> compare());
        compare.setId("versions-diff");
        HorizontalLayout bar = new HorizontalLayout(older, newer, compare);
        if (editable) {
            Button rollback = new Button("Roll back to the selected version", click -> rollBack());
            rollback.setId("versions-rollback");
            bar.add(rollback);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(grid, bar, diff);
    }

    private void compare() {
        if (older.getValue() == null || newer.getValue() == null) {
            Toasts.problem("Choose two versions to compare.");
            return;
        }
        var sections = Attempts.attempt(() -> store.diff(summary.id(), older.getValue(), newer.getValue()));
        if (sections != null) {
            diff.show(older.getValue(), newer.getValue(), new PromptDiff(sections));
        }
    }

    private void rollBack() {
        WorkflowVersion chosen = grid.getSelectedItems().stream().findFirst().orElse(null);
        if (chosen == null) {
            Toasts.problem("Select the version to roll back to.");
            return;
        }
        WorkflowVersion draft = Attempts.attempt(() -> store.rollback(summary.id(), chosen.number()));
        if (draft != null) {
            Toasts.success("Draft v" + draft.number() + " is now a copy of version " + chosen.number()
                    + "; publish it to finish the roll back");
            onRolledBack.run();
        }
    }
}

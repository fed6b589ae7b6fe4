package dev.switchboard.ui.form;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.switchboard.prompts.DiffLine;
import dev.switchboard.prompts.PromptDiff;

/**
 * The difference between two versions, section by section (a template's about, model, variables and
 * messages; a workflow's about, inputs, nodes, edges and layout): only changed sections, each line marked and coloured: removed red, added green, kept plain.
 */
public final class DiffPanel extends VerticalLayout {

    public static final String ADDED_CLASS = "sb-diff-added";
    public static final String REMOVED_CLASS = "sb-diff-removed";

    public DiffPanel() {
        setId("history-diff-panel");
        setPadding(false);
        setSpacing(false);
    }

    public void show(int from, int to, PromptDiff diff) {
        removeAll();
        add(new H3("Version " + from + " → version " + to));
        if (diff.identical()) {
            Paragraph same = new Paragraph("The two versions are identical.");
            same.setId("history-diff-identical");
            add(same);
            return;
        }
        for (PromptDiff.Section section : diff.sections()) {
            if (section.changed()) {
                add(new H4(section.name()));
                section.lines().forEach(line -> add(line(line)));
            }
        }
    }

    private static Div line(DiffLine line) {
        Div row = new Div(line.unified());
        row.getStyle()
                .set("white-space", "pre-wrap")
                .set("font-family", "monospace")
                .set("padding-inline", "0.5rem");
        switch (line.op()) {
            case ADDED -> {
                row.addClassName(ADDED_CLASS);
                row.getStyle().set("background", "#e6ffec").set("color", "#116329");
            }
            case REMOVED -> {
                row.addClassName(REMOVED_CLASS);
                row.getStyle().set("background", "#ffebe9").set("color", "#82071e");
            }
            case SAME -> row.getStyle().set("opacity", "0.7");
        }
        return row;
    }
}

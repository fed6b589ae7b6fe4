package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.switchboard.prompt.ModelRun;
import dev.switchboard.ui.gateway.Formats;
import java.util.Locale;

/**
 * One model's answer in a playground run, as charged: who served it, the output, the tokens, the cost
 * and the latency; or the error that model ran into. Ids carry the card's position, {@code run-0-…}.
 */
final class RunCard extends VerticalLayout {

    RunCard(int index, ModelRun run, Runnable saveAsTestCase) {
        String id = "run-" + index;
        setId(id);
        addClassName("sb-result");
        setWidth("22rem");
        getStyle().set("border", "1px solid rgba(0,0,0,0.15)").set("border-radius", "0.5rem");
        add(new H4(run.model()));
        if (!run.ok()) {
            add(line(id + "-error", run.error(), "sb-error"));
            return;
        }
        add(line(id + "-served", "Served by " + run.providerId() + " as " + run.servedModel(), "sb-quiet"));
        add(line(id + "-output", run.output(), "sb-answer"));
        add(line(
                id + "-tokens",
                "Tokens: " + count(run.promptTokens()) + " input · " + count(run.completionTokens()) + " output",
                null));
        add(line(id + "-cost", "Cost: " + Formats.money(run.cost()), null));
        add(line(id + "-latency", "Latency: " + count(run.latencyMillis()) + " ms", null));
        add(line(id + "-request", run.requestId(), "sb-quiet"));
        if (saveAsTestCase != null) {
            Button save = new Button("Save as test case", click -> saveAsTestCase.run());
            save.setId(id + "-save-case");
            add(save);
        }
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static Paragraph line(String id, String text, String className) {
        Paragraph line = new Paragraph(text);
        line.setId(id);
        if (className != null) {
            line.addClassName(className);
        }
        return line;
    }
}

package dev.switchboard.prompt;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.prompts.RenderedPrompt;
import java.util.List;

/** A rendered prompt run on one to four models side by side, charged to {@code chargedTo}. */
public record PlaygroundRun(RenderedPrompt rendered, OrgUnitId chargedTo, List<ModelRun> runs) {

    public PlaygroundRun {
        runs = List.copyOf(runs);
    }
}

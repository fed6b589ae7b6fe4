package dev.switchboard.ui.workflow;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.UserRole;
import dev.switchboard.ui.testsupport.MockBrowser;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.WorkflowRuns;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowVersion;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every workflow view test starts from: a browser session signed in as alice (a designer of
 * Marketing), the facades to make workflows and runs with, and workflows of the test's own.
 */
abstract class WorkflowViewTest {

    /** One model step on a simulated model, then the end: runs in a moment and costs a little. */
    static final String SIMPLE = """
            {"schemaVersion": 1, "key": "%s", "name": "Simple %s",
             "inputs": [{"name": "topic", "type": "text"}, {"name": "count", "type": "number", "default": 1},
                        {"name": "context", "type": "json", "required": false}],
             "nodes": [
               {"id": "start", "kind": "start"},
               {"id": "write", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 30},
                "messages": [{"role": "user", "content": "Write {{inputs.count}} line about {{inputs.topic}}"}]},
               {"id": "end", "kind": "end", "outputs": {"text": "{{steps.write.output.text}}"}}
             ],
             "edges": [{"from": "start", "to": "write"}, {"from": "write", "to": "end"}]}""";

    /** Waits for a designer's decision, with a note to fill in. */
    static final String APPROVAL = """
            {"schemaVersion": 1, "key": "%s", "name": "Approve %s",
             "inputs": [{"name": "brief", "type": "text"}],
             "nodes": [
               {"id": "start", "kind": "start"},
               {"id": "review", "kind": "approval", "role": "DESIGNER", "timeout": "P1D",
                "instructions": "Approve copy for {{inputs.brief}}",
                "fields": [{"name": "note", "type": "text", "required": false}]},
               {"id": "yes", "kind": "end", "outputs": {"by": "{{steps.review.output.by}}",
                "note": "{{steps.review.output.fields.note}}"}},
               {"id": "no", "kind": "end", "outputs": {"rejected": true}},
               {"id": "late", "kind": "end", "outputs": {"timedOut": true}}
             ],
             "edges": [
               {"from": "start", "to": "review"}, {"from": "review", "port": "approved", "to": "yes"},
               {"from": "review", "port": "rejected", "to": "no"}, {"from": "review", "port": "timeout", "to": "late"}
             ]}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkflowStore store;

    @Autowired
    WorkflowRuns runs;

    @Autowired
    OrgService org;

    MockBrowser browser;
    OrgUnit marketing;

    @BeforeEach
    void openBrowserAsAlice() {
        browser = MockBrowser.open(context);
        browser.signInAs("alice", UserRole.DESIGNER);
        marketing = org.list(false).stream()
                .filter(u -> u.kind() == OrgUnitKind.DEPARTMENT && u.name().equals("Marketing"))
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** A key no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A workflow of Marketing's from {@code template} (key and name filled in), its version 1 a draft. */
    WorkflowVersion draft(String template, String key) {
        return store.create(marketing.id(), template.formatted(key, key));
    }

    WorkflowVersion published(String template, String key) {
        WorkflowVersion draft = draft(template, key);
        return store.publish(draft.workflowId());
    }

    /** Polls the run until it has one of {@code statuses}; fails after a minute. */
    Run awaitStatus(UUID run, String... statuses) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Run last = runs.get(run);
        while (!Arrays.asList(statuses).contains(last.status())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + run + " did not reach " + Arrays.toString(statuses) + ": " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = runs.get(run);
        }
        return last;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    /** The SVG drawn inside the element with this id; empty when none is drawn. */
    static String graph(String id) {
        return byId(Div.class, id)
                .getChildren()
                .filter(Svg.class::isInstance)
                .map(c -> c.getElement().getProperty("innerHTML"))
                .findFirst()
                .orElse("");
    }

    static <C extends Component> C byId(Class<C> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }
}

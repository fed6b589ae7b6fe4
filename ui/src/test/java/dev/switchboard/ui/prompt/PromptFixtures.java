package dev.switchboard.ui.prompt;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.ModelSettings;
import dev.switchboard.prompts.PromptMessage;
import dev.switchboard.prompts.PromptTemplate;
import dev.switchboard.prompts.Variable;
import dev.switchboard.prompts.VariableType;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;

/** Set-up steps of the prompt view tests: a template of its own per test, made by the signed-in person. */
final class PromptFixtures {

    static final String USER_MESSAGE = "Greet {{ who }} in a {{ tone }} tone.";

    private PromptFixtures() {}

    /** A word no other test uses, for keys, tags and searches. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static OrgUnit marketing(OrgService org) {
        return org.list(false).stream()
                .filter(u -> u.kind() == OrgUnitKind.DEPARTMENT && u.name().equals("Marketing"))
                .findFirst()
                .orElseThrow();
    }

    static PromptTemplate greeting(String key, List<String> tags) {
        return new PromptTemplate(
                key,
                "Greeting " + key,
                "Writes a short greeting.",
                tags,
                new ModelSettings("sim-chat", null, 100, null),
                List.of(
                        Variable.required("who", VariableType.TEXT, "who to greet"),
                        new Variable(
                                "tone",
                                VariableType.ENUM,
                                null,
                                JsonNodeFactory.instance.stringNode("warm"),
                                List.of("warm", "formal"),
                                "")),
                List.of(PromptMessage.system("You write short greetings."), PromptMessage.user(USER_MESSAGE)));
    }

    /** A template of Marketing's, made through the library as the signed-in person. */
    static PromptVersion greetingIn(PromptLibrary library, OrgUnit unit, String key, String... tags) {
        return library.create(unit.id(), greeting(key, List.of(tags)));
    }

    static void open(Class<? extends PromptPage> page, PromptVersion version) {
        String suffix = page == PromptEditorView.class
                ? ""
                : page == PlaygroundView.class ? "/playground" : page == HistoryView.class ? "/history" : "/tests";
        UI.getCurrent().navigate("prompts/" + version.templateId() + suffix);
    }

    static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    static <C extends Component> C byId(Class<C> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }
}

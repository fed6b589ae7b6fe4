package dev.switchboard.ui.prompt;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static dev.switchboard.ui.prompt.PromptFixtures.byId;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompts.PromptMessage;
import dev.switchboard.prompts.PromptTemplate;
import dev.switchboard.ui.form.DiffPanel;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The version history: the diff between two versions and rolling back to an older one. */
@ServedViewTest
class HistoryViewIT extends PromptViewTest {

    static final String CHANGED = "Greet {{ who }} like an old friend.";

    PromptVersion v1;

    @BeforeEach
    void twoPublishedVersions() {
        v1 = greeting("history");
        library.publish(v1.templateId());
        PromptTemplate t = v1.template();
        List<PromptMessage> messages = new ArrayList<>(t.messages());
        messages.set(1, PromptMessage.user(CHANGED));
        library.saveDraft(
                v1.templateId(),
                new PromptTemplate(
                        t.key(), t.name(), t.description(), t.tags(), t.settings(), t.variables(), messages));
        library.publish(v1.templateId());
    }

    @Test
    void the_diff_of_two_versions_shows_the_changed_line_removed_and_added() {
        PromptFixtures.open(HistoryView.class, v1);
        @SuppressWarnings("unchecked")
        Select<Integer> from = byId(Select.class, "history-from");
        @SuppressWarnings("unchecked")
        Select<Integer> to = byId(Select.class, "history-to");
        enter(from, 1);
        enter(to, 2);

        _click(byId(Button.class, "history-diff"));

        List<String> added = lines(DiffPanel.ADDED_CLASS);
        List<String> removed = lines(DiffPanel.REMOVED_CLASS);
        assertThat(added).anySatisfy(line -> assertThat(line).startsWith("+").contains(CHANGED));
        assertThat(removed).anySatisfy(line -> assertThat(line).startsWith("-").contains(PromptFixtures.USER_MESSAGE));
        assertThat(added).noneMatch(line -> line.contains("You write short greetings."));
    }

    @Test
    void rolling_back_makes_the_draft_a_copy_of_the_older_version() {
        PromptFixtures.open(HistoryView.class, v1);
        @SuppressWarnings("unchecked")
        Grid<PromptVersion> grid = byId(Grid.class, "history-grid");
        grid.select(library.version(v1.templateId(), 1));

        _click(byId(Button.class, "history-rollback"));
        _click(byId(Button.class, "history-rollback-confirm"));

        PromptVersion draft = library.current(v1.templateId());
        assertThat(draft.number()).isEqualTo(3);
        assertThat(draft.published()).isFalse();
        assertThat(draft.basedOn()).isEqualTo(1);
        assertThat(draft.template())
                .isEqualTo(library.version(v1.templateId(), 1).template());
    }

    private static List<String> lines(String className) {
        return _find(Div.class, spec -> spec.withClasses(className)).stream()
                .map(Div::getText)
                .toList();
    }
}

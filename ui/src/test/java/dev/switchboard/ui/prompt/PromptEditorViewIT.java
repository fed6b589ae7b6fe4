package dev.switchboard.ui.prompt;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static dev.switchboard.ui.prompt.PromptFixtures.byId;
import static dev.switchboard.ui.prompt.PromptFixtures.text;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.org.UserRole;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.prompt.VersionStatus;
import dev.switchboard.ui.testsupport.ServedViewTest;
import org.junit.jupiter.api.Test;

/** The editor: live validation on the inputs, save and publish, and who may change what. */
@ServedViewTest
class PromptEditorViewIT extends PromptViewTest {

    @Test
    void an_unknown_variable_is_marked_as_typed_save_is_refused_and_fixing_it_clears_it() {
        PromptVersion v1 = greeting("edit");
        PromptFixtures.open(PromptEditorView.class, v1);
        TextArea user = byId(TextArea.class, "message-1-content");
        assertThat(text("editor-problem-count")).isEqualTo("No problems found.");
        assertThat(byId(Button.class, "editor-discard").isEnabled())
                .as("the first draft is the whole template")
                .isFalse();

        enter(user, "Greet {{ whom }} warmly.");

        assertThat(text("editor-problem-count")).isEqualTo("1 problem to fix before saving:");
        assertThat(text("editor-problem-0")).startsWith("Message 2").contains("whom");
        assertThat(user.isInvalid()).isTrue();
        assertThat(user.getErrorMessage()).contains("whom");

        _click(byId(Button.class, "editor-save"));

        assertThat(getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(t -> assertThat(t).startsWith("The template cannot be saved with 1 problem"));
        assertThat(library.current(v1.templateId()).template().messages().get(1).content())
                .isEqualTo(PromptFixtures.USER_MESSAGE);

        enter(user, "Greet {{ who }} warmly.");

        assertThat(text("editor-problem-count")).isEqualTo("No problems found.");
        assertThat(user.isInvalid()).isFalse();

        _click(byId(Button.class, "editor-save"));

        PromptVersion saved = library.current(v1.templateId());
        assertThat(saved.number()).isEqualTo(1);
        assertThat(saved.template().messages().get(1).content()).isEqualTo("Greet {{ who }} warmly.");
    }

    @Test
    void a_mistyped_default_is_marked_on_its_variable() {
        PromptVersion v1 = greeting("default");
        PromptFixtures.open(PromptEditorView.class, v1);
        TextField tone = byId(TextField.class, "variable-1-default");

        enter(tone, "cold");

        assertThat(tone.isInvalid()).isTrue();
        assertThat(tone.getErrorMessage()).contains("Variable 2 'tone'").contains("warm");
    }

    @Test
    void publishing_makes_an_immutable_version_that_history_lists_and_a_later_draft_can_be_discarded() {
        PromptVersion v1 = greeting("publish");
        PromptFixtures.open(PromptEditorView.class, v1);

        _click(byId(Button.class, "editor-publish"));

        PromptVersion published = library.version(v1.templateId(), 1);
        assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("alice");
        assertThat(text("editor-state")).startsWith("Version 1 is published and never changes");

        enter(byId(TextArea.class, "message-1-content"), "Say hello to {{ who }}.");
        _click(byId(Button.class, "editor-save"));

        assertThat(library.version(v1.templateId(), 1)
                        .template()
                        .messages()
                        .get(1)
                        .content())
                .as("the published version is unchanged")
                .isEqualTo(PromptFixtures.USER_MESSAGE);
        assertThat(library.current(v1.templateId()).number()).isEqualTo(2);

        assertThat(byId(Button.class, "editor-discard").isEnabled()).isTrue();
        PromptFixtures.open(HistoryView.class, v1);
        @SuppressWarnings("unchecked")
        Grid<PromptVersion> history = byId(Grid.class, "history-grid");
        assertThat(_findAll(history))
                .extracting(PromptVersion::number, PromptVersion::status)
                .containsExactly(tuple(2, VersionStatus.DRAFT), tuple(1, VersionStatus.PUBLISHED));

        PromptFixtures.open(PromptEditorView.class, v1);
        _click(byId(Button.class, "editor-discard"));

        assertThat(library.current(v1.templateId()).number()).isEqualTo(1);
        assertThat(text("editor-state")).startsWith("Version 1 is published");
    }

    @Test
    void a_designer_of_another_unit_does_not_even_see_the_template() {
        PromptVersion v1 = greeting("private");
        // bob belongs to IT: as a designer there he has no say over Marketing's templates
        browser.signInAs("bob", UserRole.DESIGNER);

        PromptFixtures.open(PromptEditorView.class, v1);

        assertThat(text("prompt-missing")).contains("does not exist");
        _assertNone(Button.class, spec -> spec.withId("editor-save"));
    }

    @Test
    void a_designer_reads_a_shared_template_but_cannot_change_it() {
        PromptVersion shared = library.published("classify-text");

        PromptFixtures.open(PromptEditorView.class, shared);

        assertThat(text("editor-read-only")).contains("only platform admins change them");
        _assertNone(Button.class, spec -> spec.withId("editor-save"));
        _assertNone(Button.class, spec -> spec.withId("editor-publish"));
        assertThat(byId(TextArea.class, "message-0-content").isReadOnly()).isTrue();
        assertThat(byId(TextField.class, "editor-name").isReadOnly()).isTrue();
    }
}

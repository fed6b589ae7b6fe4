package dev.switchboard.ui.prompt;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static dev.switchboard.ui.prompt.PromptFixtures.byId;
import static dev.switchboard.ui.testsupport.MockBrowser.enter;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.switchboard.prompt.PromptSummary;
import dev.switchboard.ui.form.FormValues;
import dev.switchboard.ui.testsupport.ServedViewTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt library: search, the tag filter, and creating a template from the list. */
@ServedViewTest
class PromptsViewIT extends PromptViewTest {

    @Test
    void search_finds_templates_by_word_and_the_tag_filter_narrows_them() {
        String word = PromptFixtures.unique("findme");
        String tag = PromptFixtures.unique("uitag");
        String tagged = word + "-tagged";
        String plain = word + "-plain";
        PromptFixtures.greetingIn(library, marketing, tagged, "greeting", tag);
        PromptFixtures.greetingIn(library, marketing, plain, "greeting");
        UI.getCurrent().navigate(PromptsView.class);
        @SuppressWarnings("unchecked")
        Grid<PromptSummary> grid = byId(Grid.class, "prompts-grid");
        assertThat(keys(grid)).contains(tagged, plain, "classify-text");

        enter(byId(TextField.class, "prompts-search"), word);

        assertThat(keys(grid)).containsExactlyInAnyOrder(tagged, plain);
        int row = keys(grid).indexOf(tagged);
        assertThat(_getFormatted(grid, row, "unit")).isEqualTo("Marketing");
        assertThat(_getFormatted(grid, row, "draft")).isEqualTo("yes (v1)");
        assertThat(_getFormatted(grid, row, "published")).isEqualTo("none");
        assertThat(_getFormatted(grid, row, "tags")).isEqualTo("greeting, " + tag);

        @SuppressWarnings("unchecked")
        ComboBox<String> tagFilter = byId(ComboBox.class, "prompts-tag");
        enter(tagFilter, tag);

        assertThat(keys(grid)).containsExactly(tagged);
        assertThat(PromptFixtures.text("prompts-count")).isEqualTo("1 template");

        enter(byId(TextField.class, "prompts-search"), "");
        enter(tagFilter, "classification");

        assertThat(keys(grid)).contains("classify-text").doesNotContain(tagged, plain);
    }

    @Test
    void a_designer_creates_a_template_in_their_unit_and_lands_in_its_editor() {
        UI.getCurrent().navigate(PromptsView.class);
        String name = "Welcome mail " + PromptFixtures.unique("n");

        _click(byId(Button.class, "prompts-new"));
        enter(byId(TextField.class, "new-prompt-name"), name);
        _click(byId(Button.class, "new-prompt-create"));

        expectView(PromptEditorView.class);
        PromptSummary created = library.list(name, null).getFirst();
        assertThat(created.key()).isEqualTo(FormValues.slug(name));
        assertThat(created.orgUnitId()).isEqualTo(marketing.id());
        assertThat(PromptFixtures.text("prompt-meta")).contains(created.key(), "Marketing", "draft v1");
    }

    @Test
    void pasted_yaml_imports_as_a_new_template_and_broken_yaml_is_explained_on_the_text() {
        String key = PromptFixtures.unique("imported");
        String yaml = library.exportYaml(library.published("summarize").templateId(), null)
                .replace("key: summarize", "key: " + key);
        UI.getCurrent().navigate(PromptsView.class);

        _click(byId(Button.class, "prompts-import"));
        TextArea text = byId(TextArea.class, "import-yaml");
        enter(text, "key: x\nnmae: typo\n");
        _click(byId(Button.class, "import-confirm"));

        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).contains("unknown field 'nmae'");

        enter(text, yaml);
        _click(byId(Button.class, "import-confirm"));

        expectView(PromptEditorView.class);
        PromptSummary imported = library.list(key, null).getFirst();
        assertThat(imported.key()).isEqualTo(key);
        assertThat(imported.orgUnitId()).isEqualTo(marketing.id());
        assertThat(imported.draftVersion()).isEqualTo(1);
    }

    private static List<String> keys(Grid<PromptSummary> grid) {
        return _findAll(grid).stream().map(PromptSummary::key).toList();
    }
}

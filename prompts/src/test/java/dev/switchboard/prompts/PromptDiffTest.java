package dev.switchboard.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptDiffTest {

    static final PromptTemplate BEFORE = PromptYaml.read(PromptYamlTest.MINIMAL);

    @Test
    void identical_versions_have_no_changes() {
        PromptDiff diff = PromptDiff.between(BEFORE, BEFORE);

        assertThat(diff.identical()).isTrue();
        assertThat(diff.unified()).isEmpty();
    }

    @Test
    void a_changed_message_line_and_setting_show_as_removed_and_added_lines_in_their_sections() {
        PromptTemplate after = PromptYaml.read(PromptYamlTest.MINIMAL
                .replace("Say hello to {{ who }}.", "Say a warm hello to {{ who }}.")
                .replace("name: Greeting", "name: Greeting\nmodel:\n  temperature: 0.5"));

        PromptDiff diff = PromptDiff.between(BEFORE, after);

        assertThat(diff.sections().stream().filter(PromptDiff.Section::changed).map(PromptDiff.Section::name))
                .containsExactly("model", "messages[0]");
        assertThat(diff.unified())
                .contains("@@ model @@\n model: auto\n+temperature: 0.5\n")
                .contains("-content: \"Say hello to {{ who }}.\"\n+content: \"Say a warm hello to {{ who }}.\"\n");
    }

    @Test
    void an_added_message_is_all_added_lines() {
        PromptTemplate after = new PromptTemplate(
                BEFORE.key(),
                BEFORE.name(),
                null,
                null,
                null,
                BEFORE.variables(),
                List.of(BEFORE.messages().getFirst(), PromptMessage.user("And goodbye.")));

        PromptDiff.Section added = PromptDiff.between(BEFORE, after).sections().getLast();

        assertThat(added.name()).isEqualTo("messages[1]");
        assertThat(added.lines()).extracting(DiffLine::op).containsOnly(DiffLine.Op.ADDED);
    }

    @Test
    void the_line_diff_keeps_the_longest_common_lines() {
        List<DiffLine> diff = LineDiff.of("a\nb\nc\nd", "a\nc\nd\ne");

        assertThat(diff).extracting(DiffLine::unified).containsExactly(" a", "-b", " c", " d", "+e");
    }
}

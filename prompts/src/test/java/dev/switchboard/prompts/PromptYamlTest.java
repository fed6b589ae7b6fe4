package dev.switchboard.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PromptYamlTest {

    static final String MINIMAL = """
            key: greet
            name: Greeting
            variables:
              - name: who
                type: text
            messages:
              - role: user
                content: Say hello to {{ who }}.
            """;

    @Test
    void every_bundled_template_survives_a_write_and_read_unchanged() {
        for (BundledPrompts.Bundled bundled : BundledPrompts.all()) {
            String written = PromptYaml.write(bundled.template());

            PromptTemplate read = PromptYaml.read(written);
            assertThat(read.settings())
                    .as(bundled.file())
                    .isEqualTo(bundled.template().settings());
            assertThat(read.variables())
                    .as(bundled.file())
                    .isEqualTo(bundled.template().variables());
            assertThat(read.messages())
                    .as(bundled.file())
                    .isEqualTo(bundled.template().messages());
            assertThat(read).as(bundled.file()).isEqualTo(bundled.template());
        }
    }

    @Test
    void written_yaml_keeps_multi_line_content_as_literal_blocks_and_fills_in_defaults() {
        String written = PromptYaml.write(
                PromptYaml.read(MINIMAL.replace("Say hello to {{ who }}.", "|\n      Line one\n      Line {{ who }}")));

        assertThat(written)
                .contains("content: |")
                .contains("model:\n  model: auto")
                .contains("required: true");
    }

    @Test
    void an_unknown_field_is_an_error_naming_it_and_where_it_is() {
        PromptException e = catchThrowableOfType(
                PromptException.class,
                () -> PromptYaml.read(MINIMAL.replace("type: text", "type: text\n    defualt: x")));

        assertThat(e.getMessage()).contains("defualt").contains("variables[0]");
    }

    @Test
    void an_unknown_variable_type_is_an_error() {
        PromptException e = catchThrowableOfType(
                PromptException.class, () -> PromptYaml.read(MINIMAL.replace("type: text", "type: txet")));

        assertThat(e.getMessage()).contains("txet");
    }

    @Test
    void a_definition_error_is_reported_on_read() {
        PromptException e = catchThrowableOfType(
                PromptException.class, () -> PromptYaml.read(MINIMAL.replace("key: greet", "key: Greet Me")));

        assertThat(e.problems()).extracting(PromptProblem::path).containsExactly("key");
    }

    @Test
    void an_invalid_json_schema_is_a_definition_error() {
        String yaml = MINIMAL.replace("name: Greeting", """
                name: Greeting
                model:
                  responseFormat:
                    type: json_schema
                    name: greeting
                    schema: {type: objekt}""");

        PromptException e = catchThrowableOfType(PromptException.class, () -> PromptYaml.read(yaml));

        assertThat(e.problems()).extracting(PromptProblem::path).contains("model.responseFormat.schema");
    }

    @Test
    void empty_or_broken_yaml_is_refused_with_a_message() {
        assertThat(catchThrowableOfType(PromptException.class, () -> PromptYaml.read("  "))
                        .getMessage())
                .contains("empty");
        assertThat(catchThrowableOfType(PromptException.class, () -> PromptYaml.read("key: [unclosed"))
                        .problems())
                .isNotEmpty();
    }
}

package dev.switchboard.prompts;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Templates as YAML: the format of the bundled library, of import and of export. Reading is strict
 * (unknown fields are errors, so a typo never silently drops a setting) and checks the definition;
 * writing gives multi-line message content as literal blocks, so exported files read and diff well.
 */
public final class PromptYaml {

    static final int MAX_YAML_CHARS = 500_000;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.USE_NATIVE_TYPE_ID)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private PromptYaml() {}

    /**
     * Reads a template and checks its definition.
     *
     * @throws PromptException when the YAML cannot be read as a template or the definition is wrong
     */
    public static PromptTemplate read(String yaml) {
        PromptTemplate template = parse(yaml);
        List<PromptProblem> problems = PromptValidator.problems(template);
        if (!problems.isEmpty()) {
            throw new PromptException(problems);
        }
        return template;
    }

    /**
     * Reads a template without checking its definition: for versions stored earlier, which stay
     * readable when the rules of a later release are stricter.
     *
     * @throws PromptException when the YAML cannot be read as a template
     */
    public static PromptTemplate parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new PromptException(PromptProblem.definition("yaml", "the document is empty"));
        }
        if (yaml.length() > MAX_YAML_CHARS) {
            throw new PromptException(
                    PromptProblem.definition("yaml", "the document is longer than " + MAX_YAML_CHARS + " characters"));
        }
        PromptTemplate template;
        try {
            template = YAML.readValue(yaml, PromptTemplate.class);
        } catch (UnrecognizedPropertyException e) {
            throw new PromptException(PromptProblem.definition(
                    path(e),
                    "unknown field '" + e.getPropertyName() + "'; known fields are " + e.getKnownPropertyIds()));
        } catch (JacksonException e) {
            throw new PromptException(PromptProblem.definition(path(e), e.getOriginalMessage()));
        }
        if (template == null) {
            throw new PromptException(PromptProblem.definition("yaml", "the document is empty"));
        }
        return template;
    }

    public static String write(PromptTemplate template) {
        return YAML.writeValueAsString(template);
    }

    /** Any part of a template (settings, variables, a message) in the same YAML style, for diffs. */
    static String writePart(Object part) {
        return YAML.writeValueAsString(part);
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce("", String::concat);
        String where = path.isEmpty() ? "yaml" : path.substring(path.startsWith(".") ? 1 : 0);
        return e.getLocation() == null
                ? where
                : where + " (line " + e.getLocation().getLineNr() + ")";
    }
}

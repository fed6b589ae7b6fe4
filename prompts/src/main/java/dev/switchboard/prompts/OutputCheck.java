package dev.switchboard.prompts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simple check on a model's answer, saved with a test case: the answer contains a text, matches a
 * regular expression, or is JSON valid against the template's response schema.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OutputCheck.Contains.class, name = "contains"),
    @JsonSubTypes.Type(value = OutputCheck.Matches.class, name = "regex"),
    @JsonSubTypes.Type(value = OutputCheck.ValidJson.class, name = "json_schema")
})
public sealed interface OutputCheck {

    /** The answer contains {@code text} (ignoring case when asked). */
    record Contains(String text, Boolean ignoreCase) implements OutputCheck {
        public Contains {
            ignoreCase = Boolean.TRUE.equals(ignoreCase);
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a 'contains' check needs the text to look for");
            }
        }
    }

    /** Part of the answer matches the regular expression {@code pattern} (Java syntax). */
    record Matches(String pattern) implements OutputCheck {
        public Matches {
            if (pattern == null || pattern.isEmpty()) {
                throw new IllegalArgumentException("a 'regex' check needs a pattern");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "the pattern is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    /**
     * The answer is JSON, valid against the template's response schema if it has one. A Markdown code
     * fence around the JSON is tolerated (models add one); anything else around it is not.
     */
    record ValidJson() implements OutputCheck {}

    /** Whether {@code output} passes, and why not. */
    default CheckResult evaluate(String output, PromptTemplate template) {
        String text = output == null ? "" : output;
        return switch (this) {
            case Contains c -> {
                boolean found = c.ignoreCase()
                        ? text.toLowerCase(Locale.ROOT).contains(c.text().toLowerCase(Locale.ROOT))
                        : text.contains(c.text());
                yield new CheckResult(this, found, found ? "found '" + c.text() + "'" : "'" + c.text() + "' not found");
            }
            case Matches m ->
                BoundedRegex.find(m.pattern(), text)
                        .map(found ->
                                new CheckResult(this, found, found ? "matches" : "no match for /" + m.pattern() + "/"))
                        .orElseGet(() -> new CheckResult(this, false, "the pattern took too long on this answer"));
            case ValidJson v -> json(text, template);
        };
    }

    private CheckResult json(String text, PromptTemplate template) {
        JsonNode answer;
        try {
            answer = JsonMapper.builder().build().readTree(unfenced(text));
        } catch (JacksonException e) {
            return new CheckResult(this, false, "not JSON: " + e.getOriginalMessage());
        }
        if (answer == null || answer.isMissingNode()) {
            return new CheckResult(this, false, "not JSON: the answer is empty");
        }
        return template.settings()
                .responseFormat()
                .requiredSchema()
                .map(schema -> {
                    List<String> violations = JsonSchemas.violations(schema, answer);
                    return violations.isEmpty()
                            ? new CheckResult(this, true, "valid against the response schema")
                            : new CheckResult(this, false, String.join("; ", violations));
                })
                .orElseGet(() -> new CheckResult(this, true, "valid JSON (the template has no schema)"));
    }

    private static String unfenced(String text) {
        String t = text.strip();
        if (t.startsWith("```") && t.endsWith("```") && t.length() >= 6) {
            int firstLine = t.indexOf('\n');
            return firstLine < 0 ? "" : t.substring(firstLine + 1, t.length() - 3);
        }
        return t;
    }
}

package dev.switchboard.prompts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a template's definition is sound, independent of any values: its key and name, its messages,
 * its variables (names, types, options, defaults) and its model settings, including the response schema.
 * Every problem is reported, with the path of the part it is about.
 */
final class PromptValidator {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final int MAX_NAME = 200;
    static final int MAX_MESSAGES = 100;
    static final int MAX_VARIABLES = 100;
    static final int MAX_CONTENT = 50_000;
    private static final Set<String> RESERVED = Set.of(
            "loop", "true", "false", "none", "True", "False", "None", "range", "caller", "super", "self", "in", "is",
            "and", "or", "not", "if", "else");

    private PromptValidator() {}

    static List<PromptProblem> problems(PromptTemplate template) {
        List<PromptProblem> problems = new ArrayList<>();
        if (!KEY.matcher(template.key()).matches()) {
            problems.add(PromptProblem.definition(
                    "key",
                    "the key must be 1-63 lower-case letters, digits and dashes, starting with a letter or digit"));
        }
        if (template.name().isEmpty() || template.name().length() > MAX_NAME) {
            problems.add(PromptProblem.definition("name", "the name must be 1-" + MAX_NAME + " characters"));
        }
        messages(template, problems);
        variables(template, problems);
        settings(template.settings(), problems);
        return problems;
    }

    private static void messages(PromptTemplate template, List<PromptProblem> problems) {
        List<PromptMessage> messages = template.messages();
        if (messages.isEmpty()) {
            problems.add(PromptProblem.definition("messages", "a template needs at least one message"));
        } else if (messages.size() > MAX_MESSAGES) {
            problems.add(PromptProblem.definition("messages", "at most " + MAX_MESSAGES + " messages"));
        } else if (messages.stream().noneMatch(m -> m.role() == PromptMessage.Role.USER && !m.example())) {
            problems.add(
                    PromptProblem.definition("messages", "a template needs a user message that is not an example"));
        }
        for (int i = 0; i < messages.size(); i++) {
            PromptMessage message = messages.get(i);
            if (message.content().isBlank()) {
                problems.add(PromptProblem.definition("messages[" + i + "].content", "a message needs content"));
            } else if (message.content().length() > MAX_CONTENT) {
                problems.add(PromptProblem.definition(
                        "messages[" + i + "].content", "at most " + MAX_CONTENT + " characters"));
            }
            if (message.example() && message.role() == PromptMessage.Role.SYSTEM) {
                problems.add(PromptProblem.definition(
                        "messages[" + i + "].example", "examples are user or assistant messages, not system ones"));
            }
        }
    }

    private static void variables(PromptTemplate template, List<PromptProblem> problems) {
        if (template.variables().size() > MAX_VARIABLES) {
            problems.add(PromptProblem.definition("variables", "at most " + MAX_VARIABLES + " variables"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < template.variables().size(); i++) {
            Variable v = template.variables().get(i);
            String at = "variables[" + i + "]";
            if (!IDENTIFIER.matcher(v.name()).matches() || RESERVED.contains(v.name())) {
                problems.add(
                        variableProblem(
                                at + ".name",
                                v.name(),
                                "'" + v.name()
                                        + "' is not a usable name: letters, digits and _, not starting with a digit, no Jinja keyword"));
            } else if (!seen.add(v.name())) {
                problems.add(variableProblem(at + ".name", v.name(), "'" + v.name() + "' is declared twice"));
            }
            if (v.type() == VariableType.ENUM
                    && (v.options().isEmpty()
                            || Set.copyOf(v.options()).size() != v.options().size())) {
                problems.add(variableProblem(at + ".options", v.name(), "an enum variable needs distinct options"));
            }
            if (v.type() != VariableType.ENUM && !v.options().isEmpty()) {
                problems.add(variableProblem(at + ".options", v.name(), "only enum variables have options"));
            }
            if (v.defaultValue() != null) {
                if (v.isRequired()) {
                    problems.add(variableProblem(
                            at + ".required",
                            v.name(),
                            "a variable with a default is optional; drop 'required: true' or the default"));
                }
                if (v.type().accept(v.defaultValue(), v.options())
                        instanceof VariableType.Accepted.Mistyped(String reason)) {
                    problems.add(variableProblem(at + ".default", v.name(), "the default does not fit: " + reason));
                }
            }
        }
    }

    private static void settings(ModelSettings settings, List<PromptProblem> problems) {
        if (settings.model().length() > 200) {
            problems.add(PromptProblem.definition("model.model", "at most 200 characters"));
        }
        if (settings.temperature() != null && (settings.temperature() < 0 || settings.temperature() > 2)) {
            problems.add(PromptProblem.definition("model.temperature", "the temperature must be between 0 and 2"));
        }
        if (settings.maxTokens() != null && (settings.maxTokens() < 1 || settings.maxTokens() > 1_000_000)) {
            problems.add(PromptProblem.definition("model.maxTokens", "max tokens must be between 1 and 1000000"));
        }
        if (settings.responseFormat() instanceof ResponseFormat.JsonSchema schema) {
            if (!IDENTIFIER.matcher(schema.name()).matches()) {
                problems.add(PromptProblem.definition(
                        "model.responseFormat.name", "the schema name must be letters, digits and _ (at most 64)"));
            }
            for (String problem : JsonSchemas.problemsOf(schema.schema())) {
                problems.add(PromptProblem.definition("model.responseFormat.schema", problem));
            }
        }
    }

    private static PromptProblem variableProblem(String path, String variable, String message) {
        return new PromptProblem(PromptProblem.Kind.DEFINITION, path, variable, null, null, null, message);
    }
}

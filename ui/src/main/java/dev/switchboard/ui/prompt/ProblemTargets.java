package dev.switchboard.ui.prompt;

import dev.switchboard.prompts.PromptProblem;
import dev.switchboard.ui.ExpectedProblems;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the editor a problem of a template belongs. The backend names each problem by its path in
 * the template ({@code messages[1]}, {@code variables[0].default}, {@code model.temperature}); the
 * editor registers each input under the path it edits, and this maps every path to one of those.
 */
final class ProblemTargets {

    private static final Pattern MESSAGE = Pattern.compile("messages\\[(\\d+)](\\..*)?");
    private static final Pattern VARIABLE = Pattern.compile("variables\\[(\\d+)](?:\\.(\\w+))?");

    private ProblemTargets() {}

    static String messageContent(int index) {
        return "messages[" + index + "].content";
    }

    static String variableField(int index, String field) {
        return "variables[" + index + "]." + field;
    }

    /** The input key a problem at {@code path} is shown on. */
    static String target(String path) {
        if (path == null) {
            return "";
        }
        Matcher message = MESSAGE.matcher(path);
        if (message.matches()) {
            // a message's role or example flag has no text to mark: its content stands for the message
            return messageContent(Integer.parseInt(message.group(1)));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.matches()) {
            int index = Integer.parseInt(variable.group(1));
            String field = variable.group(2);
            return switch (field == null ? "name" : field) {
                case "options" -> variableField(index, "options");
                case "default", "required" -> variableField(index, "default");
                case "description" -> variableField(index, "description");
                default -> variableField(index, "name");
            };
        }
        return path;
    }

    /** The problem for people: where (message 2, line 3, column 5), then what. */
    static String describe(PromptProblem problem) {
        String message = ExpectedProblems.sentence(problem.message());
        return where(problem) + ": " + message;
    }

    static String where(PromptProblem problem) {
        StringBuilder where = new StringBuilder();
        Matcher message = MESSAGE.matcher(problem.path() == null ? "" : problem.path());
        Matcher variable = VARIABLE.matcher(problem.path() == null ? "" : problem.path());
        if (problem.messageIndex() != null) {
            where.append("Message ").append(problem.messageIndex() + 1);
        } else if (message.matches()) {
            where.append("Message ").append(Integer.parseInt(message.group(1)) + 1);
        } else if (variable.matches()) {
            where.append("Variable ").append(Integer.parseInt(variable.group(1)) + 1);
            if (problem.variable() != null && !problem.variable().isBlank()) {
                where.append(" '").append(problem.variable()).append("'");
            }
        } else {
            where.append(label(problem.path()));
        }
        if (problem.line() != null) {
            where.append(", line ").append(problem.line());
            if (problem.column() != null) {
                where.append(", column ").append(problem.column());
            }
        }
        return where.toString();
    }

    private static String label(String path) {
        return switch (path == null ? "" : path) {
            case "key" -> "Key";
            case "name" -> "Name";
            case "messages" -> "Messages";
            case "variables" -> "Variables";
            case "model.model" -> "Model";
            case "model.temperature" -> "Temperature";
            case "model.maxTokens" -> "Max tokens";
            case "model.responseFormat.name" -> "Schema name";
            case "model.responseFormat.schema" -> "JSON schema";
            case "" -> "Template";
            default -> path.startsWith("values.") ? "Value '" + path.substring("values.".length()) + "'" : path;
        };
    }
}

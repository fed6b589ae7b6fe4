package dev.switchboard.prompts;

/**
 * One thing wrong with a template or with the values it was given, precise enough to point at:
 * which variable, which message, which line and column of that message's template.
 *
 * @param path where the problem is in the template's structure ({@code variables[2].default}, {@code
 *     messages[1]}, {@code values.tone})
 * @param variable the variable concerned, {@code null} when none is
 * @param messageIndex 0-based index of the message concerned, {@code null} when none is
 * @param line 1-based line in that message's template, {@code null} when unknown
 * @param column 1-based column in that line, {@code null} when unknown
 */
public record PromptProblem(
        Kind kind, String path, String variable, Integer messageIndex, Integer line, Integer column, String message) {

    /** The kinds of problem, each with its own fix. */
    public enum Kind {
        /** A required variable has no value. */
        MISSING_VARIABLE,
        /** A value was given for an undeclared variable, or the template uses one. */
        UNKNOWN_VARIABLE,
        /** A value does not fit its variable's type. */
        MISTYPED_VARIABLE,
        /** A message is not a valid template (unclosed tag, bad expression). */
        SYNTAX,
        /** The template tried something the sandbox forbids (Java methods, classes, files). */
        SANDBOX,
        /** Rendering went past a limit (output size, loop work, nesting). */
        LIMIT,
        /** The template's own definition is wrong (names, options, defaults, settings, schema). */
        DEFINITION
    }

    static PromptProblem definition(String path, String message) {
        return new PromptProblem(Kind.DEFINITION, path, null, null, null, null, message);
    }

    /** One line for people: where, then what. */
    public String describe() {
        StringBuilder where = new StringBuilder(path);
        if (line != null) {
            where.append(" line ").append(line);
            if (column != null) {
                where.append(" column ").append(column);
            }
        }
        return where + ": " + message;
    }
}

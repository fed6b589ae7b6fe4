package dev.switchboard.workflow;

import dev.switchboard.workflow.expr.Expression;
import dev.switchboard.workflow.expr.ExpressionException;
import dev.switchboard.workflow.expr.Path;
import dev.switchboard.workflow.expr.Template;
import dev.switchboard.workflow.expr.ValueType;
import java.util.ArrayList;
import java.util.List;

/** The paths a template or expression refers to, as the validator reads them: keys and {@code [i]}. */
final class ReferencePaths {

    private ReferencePaths() {}

    /** @throws IllegalArgumentException saying where the text does not parse */
    static List<List<String>> ofTemplate(String text) {
        try {
            return Template.parse(text).references().stream()
                    .map(ReferencePaths::parts)
                    .toList();
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException saying where the expression does not parse */
    static Expression expression(String text) {
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static List<List<String>> of(Expression expression) {
        return expression.references().stream().map(ReferencePaths::parts).toList();
    }

    /**
     * Checks the operations of an expression against the declared input types (text, number, ...);
     * everything else is taken as any type, its existence being {@link ReferenceChecks}' to check.
     *
     * @throws IllegalArgumentException naming the operation that cannot succeed
     */
    static void typeCheck(Expression expression, java.util.Map<String, dev.switchboard.prompts.VariableType> inputs) {
        try {
            expression.typeOf(path -> java.util.Optional.of(declaredType(parts(path), inputs)));
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Asked for each prefix of a path: the roots are objects, inputs have their declared types. */
    private static ValueType declaredType(
            List<String> parts, java.util.Map<String, dev.switchboard.prompts.VariableType> inputs) {
        String root = parts.getFirst();
        if (root.equals("inputs")) {
            if (parts.size() == 1) {
                return ValueType.OBJECT;
            }
            var declared = inputs.get(parts.get(1));
            if (parts.size() > 2 || declared == null) {
                return ValueType.ANY; // an unknown input is ReferenceChecks' to report
            }
            return switch (declared) {
                case TEXT, ENUM -> ValueType.STRING;
                case NUMBER -> ValueType.NUMBER;
                case LIST -> ValueType.LIST;
                case JSON -> ValueType.ANY;
            };
        }
        if (root.equals("steps") && parts.size() <= 2) {
            return ValueType.OBJECT;
        }
        return ValueType.ANY;
    }

    static List<String> parts(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Segment segment : path.segments()) {
            parts.add(
                    switch (segment) {
                        case Path.Key key -> key.name();
                        case Path.Index index -> "[" + index.index() + "]";
                    });
        }
        return parts;
    }
}

package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.expr.Expression;
import dev.switchboard.workflow.expr.ExpressionException;
import dev.switchboard.workflow.expr.Template;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The expression language as the interpreter uses it, over the run's scope ({@code inputs}, {@code
 * steps}, {@code run}, and {@code item}/{@code index} in a map). Deterministic, so it runs in workflow
 * code. Failures become {@link IllegalArgumentException}s the interpreter turns into step failures.
 */
final class Exprs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Exprs() {}

    static JsonNode evaluate(String expression, ObjectNode scope) {
        try {
            return Expression.parse(expression).evaluate(scope::get);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static boolean truthy(JsonNode value) {
        return Expression.truthy(value);
    }

    /** A JSON shape with every string rendered as a template (a lone {@code {{x}}} keeps x's type). */
    static JsonNode render(JsonNode shape, ObjectNode scope) {
        if (shape == null || shape.isNull() || shape.isMissingNode()) {
            return NODES.nullNode();
        }
        if (shape.isString()) {
            try {
                return Template.parse(shape.asString()).render(scope::get);
            } catch (ExpressionException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        if (shape.isArray()) {
            ArrayNode out = NODES.arrayNode();
            shape.forEach(element -> out.add(render(element, scope)));
            return out;
        }
        if (shape.isObject()) {
            ObjectNode out = NODES.objectNode();
            shape.properties().forEach(e -> out.set(e.getKey(), render(e.getValue(), scope)));
            return out;
        }
        return shape;
    }
}

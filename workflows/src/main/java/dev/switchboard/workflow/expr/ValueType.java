package dev.switchboard.workflow.expr;

import tools.jackson.databind.JsonNode;

/**
 * The JSON type of a value as the expression language sees it. {@link #ANY} is "not known before the
 * run": the static check lets it through and the evaluator decides at run time.
 */
public enum ValueType {
    STRING,
    NUMBER,
    BOOLEAN,
    OBJECT,
    LIST,
    NULL,
    ANY;

    /** The type of a run-time value; a missing node counts as {@link #NULL}. */
    public static ValueType of(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return NULL;
        }
        if (value.isString() || value.isBinary()) {
            return STRING; // binary serialises as a base64 string
        }
        if (value.isNumber()) {
            return NUMBER;
        }
        if (value.isBoolean()) {
            return BOOLEAN;
        }
        if (value.isArray()) {
            return LIST;
        }
        return OBJECT;
    }
}

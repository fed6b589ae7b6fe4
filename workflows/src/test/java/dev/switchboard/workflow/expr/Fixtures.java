package dev.switchboard.workflow.expr;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Workflow-shaped values for the expression tests. */
final class Fixtures {

    static final JsonNode INPUTS = json("""
            {"brief": "Launch the Q3 campaign", "priority": 3, "name": "Ada", "price": 0.1,
             "tags": ["urgent", "billing"], "empty": "", "nothing": null,
             "nested": {"key with space": 7, "list": [10, 20, 30]}}
            """);
    static final JsonNode STEPS = json("""
            {"classify": {"output": {"label": "billing", "score": 0.92}},
             "summarize": {"output": {"text": "Short.", "meta": {"words": 1}}}}
            """);

    static final Scope SCOPE = Scope.of(Map.of(
            "inputs", INPUTS,
            "steps", STEPS,
            "vars", json("{\"i\": 1, \"key\": \"list\"}"),
            "item", json("{\"sku\": \"A-1\", \"qty\": 2}"),
            "index", json("4")));

    /** Declared types, as the workflow validator would give them. */
    static final TypeScope TYPES = path -> Optional.ofNullable(Map.ofEntries(
                    Map.entry("inputs", ValueType.OBJECT),
                    Map.entry("inputs.brief", ValueType.STRING),
                    Map.entry("inputs.name", ValueType.STRING),
                    Map.entry("inputs.priority", ValueType.NUMBER),
                    Map.entry("inputs.tags", ValueType.LIST),
                    Map.entry("inputs.flag", ValueType.BOOLEAN),
                    Map.entry("steps", ValueType.OBJECT),
                    Map.entry("steps.classify", ValueType.OBJECT),
                    Map.entry("steps.classify.output", ValueType.OBJECT),
                    Map.entry("steps.classify.output.label", ValueType.STRING),
                    Map.entry("steps.summarize", ValueType.OBJECT),
                    Map.entry("steps.summarize.output", ValueType.OBJECT),
                    Map.entry("steps.summarize.output.text", ValueType.STRING),
                    Map.entry("item", ValueType.ANY))
            .get(path.toString()));

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Fixtures() {}

    /** JSON as workflow data arrives: decimals as doubles, like Boot's default mapper reads them. */
    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    /** An expected result: decimals as exact BigDecimals, which is what the evaluator produces. */
    static JsonNode value(String text) {
        return EXACT.readTree(text);
    }

    static JsonNode eval(String expression) {
        return Expression.parse(expression).evaluate(SCOPE);
    }
}

package dev.switchboard.prompts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small templates and values for tests. */
final class Templates {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Templates() {}

    static PromptTemplate withUserMessage(String content, Variable... variables) {
        return new PromptTemplate(
                "test-template",
                "Test template",
                null,
                List.of("test"),
                null,
                Arrays.asList(variables),
                List.of(PromptMessage.system("You are precise."), PromptMessage.user(content)));
    }

    static Variable text(String name) {
        return Variable.required(name, VariableType.TEXT, "");
    }

    static JsonNode json(String json) {
        return JSON.readTree(json);
    }

    /** Values from alternating names and JSON texts: {@code values("n", "3", "tone", "\"warm\"")}. */
    static Map<String, JsonNode> values(String... namesAndJson) {
        java.util.LinkedHashMap<String, JsonNode> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndJson.length; i += 2) {
            values.put(namesAndJson[i], json(namesAndJson[i + 1]));
        }
        return values;
    }

    static String userText(RenderedPrompt rendered) {
        return rendered.messages().getLast().content();
    }
}

package dev.switchboard.prompt;

import dev.switchboard.prompts.OutputCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A saved playground run: the inputs, the model to ask ({@code null}: the version's own setting) and
 * the checks its answer must pass. Versions are run against a template's test cases before publishing.
 */
public record TestCase(
        UUID id,
        PromptId templateId,
        String name,
        Map<String, JsonNode> inputs,
        List<OutputCheck> checks,
        String model,
        String createdBy,
        Instant createdAt) {

    public TestCase {
        inputs = Map.copyOf(inputs);
        checks = List.copyOf(checks);
    }
}

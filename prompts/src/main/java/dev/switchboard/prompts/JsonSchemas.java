package dev.switchboard.prompts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * JSON Schema 2020-12 (networknt's validator, on Jackson 3): whether a template's response schema is a
 * schema at all, and whether an answer satisfies it. Schemas are self-contained: a {@code $ref} to a
 * remote document is never fetched.
 */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private static final int MAX_ERRORS = 20;

    private JsonSchemas() {}

    /** What is wrong with {@code schema} as a JSON Schema; empty when it is one. */
    public static List<String> problemsOf(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return List.of("the schema must be a JSON object");
        }
        try {
            Schema meta = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
            return messages(meta.validate(schema));
        } catch (RuntimeException e) {
            return List.of("the schema cannot be read: " + e.getMessage());
        }
    }

    /** Where {@code instance} breaks {@code schema}; empty when it satisfies it. */
    public static List<String> violations(JsonNode schema, JsonNode instance) {
        try {
            Schema compiled = REGISTRY.getSchema(SchemaLocation.of("urn:switchboard:prompt-response"), schema);
            return messages(compiled.validate(instance));
        } catch (RuntimeException e) {
            return List.of("the schema cannot be used: " + e.getMessage());
        }
    }

    /**
     * Where {@code instance} breaks {@code schema}, each violation with the location of the offending
     * value (object keys and array indexes from the root), so a caller can say which part is at fault.
     *
     * @param id a URN naming the schema, e.g. {@code urn:switchboard:workflow:1}
     */
    public static List<Violation> locatedViolations(String id, JsonNode schema, JsonNode instance) {
        Schema compiled = REGISTRY.getSchema(SchemaLocation.of(id), schema);
        return compiled.validate(instance).stream()
                .limit(MAX_ERRORS)
                .map(e -> new Violation(location(e.getInstanceLocation()), e.getMessage()))
                .toList();
    }

    /**
     * One place an instance breaks a schema.
     *
     * @param location the path to the offending value: {@code String} keys and {@code Integer} indexes
     * @param message what is wrong, in the validator's words
     */
    public record Violation(List<Object> location, String message) {}

    private static List<Object> location(com.networknt.schema.path.NodePath path) {
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.add(path.getElement(i));
        }
        return List.copyOf(out);
    }

    private static List<String> messages(List<com.networknt.schema.Error> errors) {
        return errors.stream()
                .limit(MAX_ERRORS)
                .map(com.networknt.schema.Error::toString)
                .toList();
    }
}

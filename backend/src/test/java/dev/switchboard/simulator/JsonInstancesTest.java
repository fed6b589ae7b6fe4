package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode instanceOf(String schema, String userText) {
        return new JsonInstances(JSON.readTree(schema), new SplittableRandom(42), userText).instance();
    }

    @Test
    void fills_every_property_with_a_value_of_its_type() {
        JsonNode value = instanceOf("""
                {"type": "object",
                 "properties": {
                   "name": {"type": "string"},
                   "age": {"type": "integer", "minimum": 18, "maximum": 20},
                   "score": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
                   "active": {"type": "boolean"},
                   "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2},
                   "nickname": {"type": ["string", "null"]}
                 },
                 "required": ["name", "age"]}""", "hello");

        assertThat(value.get("name").isString()).isTrue();
        assertThat(value.get("age").asInt()).isBetween(18, 20);
        assertThat(value.get("age").isIntegralNumber()).isTrue();
        assertThat(value.get("score").asDouble()).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(value.get("active").isBoolean()).isTrue();
        assertThat(value.get("tags")).hasSize(2);
        assertThat(value.get("nickname").isString()).isTrue();
    }

    @Test
    void honours_enum_const_formats_and_string_lengths() {
        JsonNode value = instanceOf("""
                {"type": "object", "properties": {
                   "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                   "kind": {"const": "forecast"},
                   "day": {"type": "string", "format": "date"},
                   "id": {"type": "string", "format": "uuid"},
                   "code": {"type": "string", "minLength": 30, "maxLength": 40}
                }}""", "");

        assertThat(value.get("unit").asString()).isIn("celsius", "fahrenheit");
        assertThat(value.get("kind").asString()).isEqualTo("forecast");
        assertThat(value.get("day").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(value.get("id").asString()).matches("[0-9a-f-]{36}");
        assertThat(value.get("code").asString().length()).isBetween(30, 40);
    }

    @Test
    void resolves_refs_and_takes_the_first_non_null_alternative() {
        JsonNode value = instanceOf("""
                {"type": "object",
                 "properties": {
                   "address": {"$ref": "#/$defs/address"},
                   "zip": {"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 1000, "maximum": 9999}]}
                 },
                 "$defs": {"address": {"type": "object",
                   "properties": {"street": {"type": "string"}}, "required": ["street"]}}}""", "");

        assertThat(value.get("address").get("street").isString()).isTrue();
        assertThat(value.get("zip").asInt()).isBetween(1000, 9999);
    }

    @Test
    void takes_argument_values_from_the_users_words() {
        JsonNode value = instanceOf("""
                {"type": "object", "properties": {"city": {"type": "string"}, "query": {"type": "string"}}}""", "What is the weather in Paris today?");

        assertThat(value.get("city").asString()).isEqualTo("Paris");
        assertThat(value.get("query").asString()).isEqualTo("What is the weather in Paris today");
    }

    @Test
    void a_recursive_schema_ends() {
        JsonNode value = instanceOf("""
                {"$defs": {"node": {"type": "object", "properties": {
                    "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
                 "$ref": "#/$defs/node"}""", "");

        assertThat(value.isObject()).isTrue();
    }
}

package dev.switchboard.gateway.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenAiRequestMapperTest {

    final JsonMapper json = JsonMapper.builder().build();
    final OpenAiRequestMapper mapper = new OpenAiRequestMapper(json);

    ObjectNode map(List<ChatMessage> messages, ChatRequestParameters parameters) {
        return mapper.toOpenAi(messages, parameters, false);
    }

    static ChatRequestParameters model(String name) {
        return ChatRequestParameters.builder().modelName(name).build();
    }

    @Test
    void a_conversation_with_a_tool_round_trip_becomes_openai_messages() {
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id("call_1")
                .name("get_weather")
                .arguments("{\"city\":\"Paris\"}")
                .build();

        ObjectNode body = map(
                List.of(
                        SystemMessage.from("Be brief."),
                        UserMessage.from("What is the weather in Paris?"),
                        AiMessage.from(call),
                        ToolExecutionResultMessage.from(call, "18 °C, sunny"),
                        AiMessage.from("It is 18 °C and sunny.")),
                model("sim-chat"));

        assertThat(body.path("model").asString()).isEqualTo("sim-chat");
        assertThat(body.has("stream")).isFalse();
        assertThat(body.path("messages")).isEqualTo(json.readTree("""
                [{"role":"system","content":"Be brief."},
                 {"role":"user","content":"What is the weather in Paris?"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"18 °C, sunny"},
                 {"role":"assistant","content":"It is 18 °C and sunny."}]"""));
    }

    /** LangChain4j's default detail level is LOW, and its OpenAI integration sends it as such. */
    @Test
    void user_text_and_images_become_content_parts() {
        UserMessage user = UserMessage.from(
                TextContent.from("What is in these pictures?"),
                ImageContent.from("https://example.com/cat.png", ImageContent.DetailLevel.LOW),
                ImageContent.from("iVBORw0KGgo=", "image/png"));

        JsonNode content =
                map(List.of(user), model("sim-smart")).path("messages").get(0).path("content");

        assertThat(content).isEqualTo(json.readTree("""
                [{"type":"text","text":"What is in these pictures?"},
                 {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}}]"""));
    }

    @Test
    void content_the_openai_format_cannot_carry_is_refused_not_dropped() {
        UserMessage audio = UserMessage.from(TextContent.from("Listen"), AudioContent.from("AAAA", "audio/wav"));

        assertThatThrownBy(() -> map(List.of(audio), model("m")))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("AUDIO");
    }

    @Test
    void tool_specifications_become_functions_with_json_schema_parameters() {
        ToolSpecification spec = ToolSpecification.builder()
                .name("book_room")
                .description("Books a meeting room")
                .parameters(JsonObjectSchema.builder()
                        .addProperty(
                                "room",
                                JsonStringSchema.builder()
                                        .description("room name")
                                        .build())
                        .addProperty("seats", new JsonIntegerSchema())
                        .addProperty(
                                "floor",
                                JsonEnumSchema.builder()
                                        .enumValues("ground", "first")
                                        .build())
                        .addProperty(
                                "attendees",
                                JsonArraySchema.builder()
                                        .items(JsonReferenceSchema.builder()
                                                .reference("person")
                                                .build())
                                        .build())
                        .required("room", "seats")
                        .additionalProperties(false)
                        .definitions(java.util.Map.of(
                                "person",
                                JsonObjectSchema.builder()
                                        .addStringProperty("email")
                                        .build()))
                        .build())
                .build();

        ObjectNode body = map(
                List.of(UserMessage.from("Book the blue room for 4")),
                ChatRequestParameters.builder()
                        .modelName("sim-chat")
                        .toolSpecifications(
                                spec, ToolSpecification.builder().name("now").build())
                        .toolChoice(ToolChoice.REQUIRED)
                        .build());

        assertThat(body.path("tool_choice").asString()).isEqualTo("required");
        assertThat(body.path("tools").get(0)).isEqualTo(json.readTree("""
                {"type":"function","function":{"name":"book_room","description":"Books a meeting room",
                 "parameters":{"type":"object","properties":{
                   "room":{"type":"string","description":"room name"},
                   "seats":{"type":"integer"},
                   "floor":{"type":"string","enum":["ground","first"]},
                   "attendees":{"type":"array","items":{"$ref":"#/$defs/person"}}},
                  "required":["room","seats"],"additionalProperties":false,
                  "$defs":{"person":{"type":"object","properties":{"email":{"type":"string"}}}}}}}"""));
        assertThat(body.path("tools").get(1).path("function").path("parameters"))
                .isEqualTo(json.readTree("{\"type\":\"object\",\"properties\":{}}"));
    }

    @Test
    void parameters_and_response_formats_map_to_their_openai_fields() {
        ObjectNode body = mapper.toOpenAi(
                List.of(UserMessage.from("Give me JSON")),
                ChatRequestParameters.builder()
                        .modelName("tier:economy")
                        .temperature(0.2)
                        .topP(0.9)
                        .maxOutputTokens(120)
                        .stopSequences("END")
                        .responseFormat(JsonSchema.builder()
                                .name("answer")
                                .rootElement(JsonObjectSchema.builder()
                                        .addStringProperty("text")
                                        .build())
                                .build())
                        .build(),
                true);

        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(120);
        assertThat(body.path("stop")).isEqualTo(json.readTree("[\"END\"]"));
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(body.path("response_format")).isEqualTo(json.readTree("""
                {"type":"json_schema","json_schema":{"name":"answer",
                 "schema":{"type":"object","properties":{"text":{"type":"string"}}}}}"""));

        ObjectNode plainJson = map(
                List.of(UserMessage.from("JSON please")),
                ChatRequestParameters.builder()
                        .modelName("m")
                        .responseFormat(ResponseFormat.JSON)
                        .build());
        assertThat(plainJson.path("response_format").path("type").asString()).isEqualTo("json_object");
        ObjectNode text = map(
                List.of(UserMessage.from("hi")),
                ChatRequestParameters.builder()
                        .modelName("m")
                        .responseFormat(ResponseFormat.builder()
                                .type(ResponseFormatType.TEXT)
                                .build())
                        .build());
        assertThat(text.has("response_format")).isFalse();
    }
}

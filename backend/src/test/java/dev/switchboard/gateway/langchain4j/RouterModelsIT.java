package dev.switchboard.gateway.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.Response;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageQuery;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** LangChain4j models inside the platform, through the router to the simulated providers, charged. */
@IntegrationTest
class RouterModelsIT {

    @Autowired
    RouterModels models;

    @Autowired
    UsageLedger ledger;

    @Autowired
    OrgService org;

    OrgUnitId marketing;
    String runId;
    ChargeContext charge;

    @BeforeEach
    void setUp() {
        marketing = org.list(false).stream()
                .filter(u -> u.name().equals("Marketing"))
                .map(OrgUnit::id)
                .findFirst()
                .orElseThrow();
        runId = "run-" + UUID.randomUUID();
        charge = new ChargeContext(marketing, null, null, runId, "draft-step");
    }

    /** The ledger rows this test's workflow run made, oldest first. */
    List<UsageEntry> rowsOfThisRun() {
        return ledger.query(new UsageQuery(marketing, null, null, null, null, null, 200)).entries().stream()
                .filter(e -> runId.equals(e.workflowRunId()))
                .sorted(java.util.Comparator.comparing(UsageEntry::occurredAt))
                .toList();
    }

    static ToolSpecification weatherTool() {
        return ToolSpecification.builder()
                .name("get_weather")
                .description("The current weather for a city")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("city", "the city name")
                        .required("city")
                        .build())
                .build();
    }

    @Test
    void a_chat_model_answers_through_the_router_and_the_ledger_row_names_org_unit_run_and_step() {
        ChatModel model = models.chat(charge, "sim-chat");

        ChatResponse response = model.chat(UserMessage.from("Write one line about quarterly budgets."));

        assertThat(response.aiMessage().text()).isNotBlank();
        assertThat(response.modelName()).isEqualTo("sim-chat");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
        UsageEntry row = rowsOfThisRun().getFirst();
        assertThat(row.orgUnitId()).isEqualTo(marketing);
        assertThat(row.workflowRunId()).isEqualTo(runId);
        assertThat(row.stepId()).isEqualTo("draft-step");
        assertThat(row.apiKeyId()).isNull();
        assertThat(row.providerId()).isEqualTo("sim-fast");
        assertThat(row.status()).isEqualTo(CallStatus.OK);
        assertThat(row.inputTokens())
                .isEqualTo(response.tokenUsage().inputTokenCount().longValue());
        assertThat(row.outputTokens())
                .isEqualTo(response.tokenUsage().outputTokenCount().longValue());
        assertThat(row.wholesale().micros()).isPositive();
    }

    @Test
    void a_tool_call_round_trip_routes_to_a_deployment_with_tools_and_ends_in_text() {
        ChatModel model = models.chat(charge, "sim-chat");
        UserMessage question = UserMessage.from("What is the weather in Paris?");

        ChatResponse first = model.chat(ChatRequest.builder()
                .messages(question)
                .toolSpecifications(weatherTool())
                .build());

        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().getFirst();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.id()).isNotBlank();
        assertThat(call.arguments()).contains("\"city\"");

        ChatResponse second = model.chat(ChatRequest.builder()
                .messages(
                        question,
                        first.aiMessage(),
                        ToolExecutionResultMessage.from(call, "{\"temperature\":18,\"sky\":\"sunny\"}"))
                .toolSpecifications(weatherTool())
                .build());

        assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(second.aiMessage().text()).isNotBlank();
        assertThat(rowsOfThisRun())
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.providerId()).isEqualTo("sim-mid"));
    }

    @Test
    void a_streaming_model_delivers_partials_then_the_complete_response_with_usage() throws Exception {
        StreamingChatModel model = models.streamingChat(charge, "sim-chat");
        Queue<String> partials = new ConcurrentLinkedQueue<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Stream a sentence about ledgers.", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(30, TimeUnit.SECONDS);

        assertThat(partials).hasSizeGreaterThan(1);
        assertThat(String.join("", partials)).isEqualTo(response.aiMessage().text());
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        UsageEntry row = rowsOfThisRun().getFirst();
        assertThat(row.requestId()).isEqualTo(response.id());
        assertThat(row.stepId()).isEqualTo("draft-step");
        assertThat(row.outputTokens())
                .isEqualTo(response.tokenUsage().outputTokenCount().longValue());
        assertThat(row.timeToFirstTokenMillis()).isNotNull();
    }

    @Test
    void an_embedding_model_embeds_segments_in_process_and_is_charged_to_the_run() {
        EmbeddingModel model = models.embedding(charge);

        Response<List<Embedding>> response = model.embedAll(List.of(
                TextSegment.from("Travel expenses need a receipt."),
                TextSegment.from("Receipts are required for travel costs."),
                TextSegment.from("The cafeteria opens at eight.")));

        assertThat(response.content())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.dimension()).isEqualTo(384));
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(model.dimension()).isEqualTo(384);
        assertThat(model.modelName()).isEqualTo("minilm");
        float[] a = response.content().get(0).vector();
        float[] b = response.content().get(1).vector();
        float[] c = response.content().get(2).vector();
        assertThat(dot(a, b)).isGreaterThan(dot(a, c));
        UsageEntry row = rowsOfThisRun().getFirst();
        assertThat(row.providerId()).isEqualTo("local-embeddings");
        assertThat(row.inputTokens())
                .isEqualTo(response.tokenUsage().inputTokenCount().longValue());
        assertThat(row.retail().micros()).isZero();
        assertThat(rowsOfThisRun())
                .as("dimension() came from the call, not from another one")
                .hasSize(1);
    }

    @Test
    void an_unknown_model_surfaces_as_an_exception_with_the_gateways_message() throws Exception {
        assertThatThrownBy(() -> models.chat(charge, "gpt-9").chat("hi"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("gpt-9")
                .hasMessageContaining("sim-chat");

        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        models.streamingChat(charge, "gpt-9").chat("hi", new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                failed.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                failed.complete(error);
            }
        });
        assertThat(failed.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("gpt-9");

        assertThatThrownBy(() -> models.embedding(charge, "text-embedding-9").embed("hi"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("minilm");
        assertThat(rowsOfThisRun()).isEmpty();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

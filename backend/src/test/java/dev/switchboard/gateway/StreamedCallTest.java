package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.budget.BudgetGuard;
import dev.switchboard.budget.Reservation;
import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.gateway.tokens.TokenCounter;
import dev.switchboard.gateway.upstream.ChatStreamListener;
import dev.switchboard.gateway.upstream.ProtocolFamily;
import dev.switchboard.gateway.upstream.ProviderAdapter;
import dev.switchboard.gateway.upstream.ProviderAdapters;
import dev.switchboard.gateway.upstream.UpstreamTarget;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How a stream ends for its client when the ledger cannot record it. */
class StreamedCallTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Candidate CANDIDATE =
            new Candidate("d1", "p1", "m", "standard", Set.of(), 0, 0, 1, "us", "US", true, 100, 100);

    /** What the client was sent, in order. */
    static final class RecordingSink implements StreamSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void begin(String requestId, String providerId, String model) {
            events.add("begin");
        }

        @Override
        public void chunk(ObjectNode openAiChunk) {
            events.add("chunk");
        }

        @Override
        public void complete(CallReceipt receipt, ObjectNode usageChunk) {
            events.add("complete");
        }

        @Override
        public void fail(CallReceipt receipt, GatewayException error) {
            events.add("fail:" + error.code());
        }
    }

    @Test
    void a_stream_whose_ledger_row_cannot_be_written_ends_with_an_error_event_not_silently() {
        RecordingSink sink = new RecordingSink();
        Settlement settlement = mock(Settlement.class);
        when(settlement.settle(any())).thenThrow(new DataAccessResourceFailureException("database unreachable"));
        StreamedCall call = new StreamedCall(
                "req_1",
                ChatRequests.inspect(JSON.readTree(
                        "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")),
                10,
                ChargeContext.of(new OrgUnitId(UUID.randomUUID())),
                sink,
                Clock.fixed(Instant.parse("2031-05-10T10:00:00Z"), ZoneOffset.UTC),
                new TokenCounter(),
                settlement,
                new Admission(null, mock(BudgetGuard.class), unheld()));

        assertThatThrownBy(() -> call.run(plan(), upstreamStreamingOneChunk(), adapters()))
                .isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(sink.events).containsExactly("begin", "chunk", "fail:ledger_unavailable");
    }

    private static Reservation unheld() {
        return new Reservation(
                UUID.randomUUID(),
                "req_1",
                Money.ofMicros(1_000, "USD"),
                List.of(),
                Instant.parse("2031-05-10T10:10:00Z"));
    }

    private static RoutePlan plan() {
        return new RoutePlan("m", List.of(new RoutePlan.Ranked(CANDIDATE, 1, null)), List.of());
    }

    /** The retry loop, reduced to one attempt that succeeds. */
    @SuppressWarnings("unchecked")
    private static UpstreamCalls upstreamStreamingOneChunk() {
        UpstreamCalls upstream = mock(UpstreamCalls.class);
        UpstreamTarget target = mock(UpstreamTarget.class);
        when(target.family()).thenReturn(ProtocolFamily.OPENAI_COMPATIBLE);
        when(target.upstreamModel()).thenReturn("m-upstream");
        when(upstream.run(any(), any())).thenAnswer(invocation -> {
            UpstreamCalls.Attempt<Usage> attempt = invocation.getArgument(1);
            Usage usage = attempt.call(CANDIDATE, target);
            return new UpstreamCalls.Served<>(usage, CANDIDATE, List.of("p1"));
        });
        return upstream;
    }

    private static ProviderAdapters adapters() {
        ProviderAdapter adapter = mock(ProviderAdapter.class);
        when(adapter.chatStream(any(), any(), any())).thenAnswer(invocation -> {
            ChatStreamListener listener = invocation.getArgument(2);
            listener.onChunk(
                    (ObjectNode)
                            JSON.readTree(
                                    "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"));
            listener.onCaughtUp();
            return new Usage(10, 1, 0, 0);
        });
        ProviderAdapters adapters = mock(ProviderAdapters.class);
        when(adapters.forFamily(any())).thenReturn(adapter);
        return adapters;
    }
}

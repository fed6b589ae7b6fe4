package dev.switchboard.gateway;

import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.gateway.tokens.TokenCounter;
import dev.switchboard.gateway.upstream.ChatStreamListener;
import dev.switchboard.gateway.upstream.ProviderAdapters;
import dev.switchboard.gateway.upstream.UpstreamException;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One streamed chat completion. The response begins only when the first upstream chunk arrives, so a
 * provider that fails before that is replaced invisibly. After that the call is charged for what was
 * generated, however it ends: completed (provider usage, else the tokenizer), cut by the upstream, or
 * abandoned by the client. The ledger row is committed before the final event is written.
 */
final class StreamedCall {

    /** The client went away while we were writing to it. */
    static final class ClientGone extends RuntimeException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }

    private final String requestId;
    private final ChatRequests.Inspected request;
    private final long promptTokens;
    private final ChargeContext charge;
    private final StreamSink sink;
    private final Clock clock;
    private final TokenCounter tokens;
    private final Settlement settlement;
    private final Admission admission;
    private final boolean clientWantsUsage;

    private Instant startedAt;
    private Long timeToFirstToken;
    private Candidate current;
    private boolean begun;
    private final StringBuilder generated = new StringBuilder();

    StreamedCall(
            String requestId,
            ChatRequests.Inspected request,
            long promptTokens,
            ChargeContext charge,
            StreamSink sink,
            Clock clock,
            TokenCounter tokens,
            Settlement settlement,
            Admission admission) {
        this.requestId = requestId;
        this.request = request;
        this.promptTokens = promptTokens;
        this.charge = charge;
        this.sink = sink;
        this.clock = clock;
        this.tokens = tokens;
        this.settlement = settlement;
        this.admission = admission;
        this.clientWantsUsage =
                request.body().path("stream_options").path("include_usage").asBoolean(false);
    }

    void run(RoutePlan plan, UpstreamCalls upstream, ProviderAdapters adapters) {
        startedAt = clock.instant();
        UpstreamCalls.Served<Usage> served;
        try {
            served = upstream.run(plan, (candidate, target) -> {
                current = candidate;
                return adapters.forFamily(target.family())
                        .chatStream(
                                target,
                                GatewayService.forUpstream(request.body(), target.upstreamModel()),
                                new ChatStreamListener() {
                                    @Override
                                    public void onChunk(ObjectNode chunk) {
                                        StreamedCall.this.onChunk(chunk);
                                    }

                                    @Override
                                    public void onCaughtUp() {
                                        flushToClient();
                                    }
                                });
            });
        } catch (UpstreamCalls.Exhausted e) {
            settle(null, new Usage(0, 0, 0, 0), UsageSource.PROVIDER, CallStatus.UPSTREAM_ERROR, e.fallbackChain);
            throw e.error;
        } catch (UpstreamException cut) {
            // broke after the first byte: charge what was generated, then tell the client
            Usage usage = cut.partialUsage().orElseGet(this::countedUsage);
            CallReceipt receipt = settleOrTellClient(
                    current,
                    usage,
                    cut.partialUsage().isPresent() ? UsageSource.PROVIDER : UsageSource.TOKENIZER,
                    CallStatus.STREAM_CUT,
                    List.of(current.providerId()));
            try {
                sink.fail(
                        receipt,
                        GatewayException.upstream(
                                502,
                                "stream_interrupted",
                                "The upstream stream broke after " + usage.completionTokens() + " tokens: "
                                        + cut.getMessage(),
                                null));
            } catch (IOException gone) {
                // the client left as well; the call is settled either way
            }
            return;
        } catch (RuntimeException e) {
            if (causedByClientGone(e)) {
                settle(
                        current,
                        countedUsage(),
                        UsageSource.TOKENIZER,
                        CallStatus.CLIENT_CANCELLED,
                        List.of(current.providerId()));
                return;
            }
            throw e;
        }
        Usage usage = served.value() != null ? served.value() : countedUsage();
        CallReceipt receipt = settleOrTellClient(
                served.candidate(),
                usage,
                served.value() != null ? UsageSource.PROVIDER : UsageSource.TOKENIZER,
                CallStatus.OK,
                served.fallbackChain());
        try {
            sink.complete(receipt, clientWantsUsage ? usageChunk(receipt) : null);
        } catch (IOException gone) {
            // settled already: a client that leaves at the very end still pays for what it got
        }
    }

    private void onChunk(ObjectNode chunk) {
        JsonNode choices = chunk.path("choices");
        if (choices.isEmpty() && chunk.has("usage")) {
            return; // the upstream's usage chunk: the gateway sends its own after settling
        }
        for (JsonNode choice : choices) {
            JsonNode delta = choice.path("delta");
            generated.append(delta.path("content").asString(""));
            generated.append(delta.path("reasoning_content").asString(""));
            for (JsonNode call : delta.path("tool_calls")) {
                generated.append(call.path("function").path("arguments").asString(""));
            }
        }
        chunk.put("model", current.model());
        try {
            if (!begun) {
                begun = true;
                timeToFirstToken = clock.millis() - startedAt.toEpochMilli();
                sink.begin(requestId, current.providerId(), current.model(), admission.leftAtAdmission());
            }
            sink.chunk(chunk);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    /**
     * Settles; when that fails after the stream began (the database is unreachable), the client gets an
     * error event instead of a stream that just stops without {@code [DONE]}, then the failure goes on
     * to be logged. Before the stream began the endpoint answers with an ordinary error.
     */
    private CallReceipt settleOrTellClient(
            Candidate servedBy, Usage usage, UsageSource source, CallStatus status, List<String> chain) {
        try {
            return settle(servedBy, usage, source, status, chain);
        } catch (RuntimeException e) {
            if (begun) {
                try {
                    sink.fail(
                            null,
                            GatewayException.upstream(
                                    503,
                                    "ledger_unavailable",
                                    "The call could not be recorded in the usage ledger, so its answer is not"
                                            + " confirmed; retry it.",
                                    null));
                } catch (IOException gone) {
                    // the client left as well
                }
            }
            throw e;
        }
    }

    private void flushToClient() {
        if (!begun) {
            return; // nothing written yet (a fallback before the first chunk stays invisible)
        }
        try {
            sink.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    private Usage countedUsage() {
        return new Usage(promptTokens, tokens.count(generated.toString()), 0, 0);
    }

    private CallReceipt settle(
            Candidate servedBy, Usage usage, UsageSource source, CallStatus status, List<String> chain) {
        return settlement.settle(new Settlement.Call(
                requestId,
                request.model(),
                charge,
                startedAt,
                servedBy,
                usage,
                source,
                status,
                chain,
                timeToFirstToken,
                admission));
    }

    private ObjectNode usageChunk(CallReceipt receipt) {
        ObjectNode chunk = JsonNodeFactory.instance
                .objectNode()
                .put("id", requestId)
                .put("object", "chat.completion.chunk")
                .put("created", startedAt.getEpochSecond())
                .put("model", receipt.model());
        chunk.putArray("choices");
        ObjectNode usage = chunk.putObject("usage")
                .put("prompt_tokens", receipt.usage().promptTokens())
                .put("completion_tokens", receipt.usage().completionTokens())
                .put("total_tokens", receipt.usage().totalTokens());
        usage.putObject("prompt_tokens_details")
                .put("cached_tokens", receipt.usage().cachedPromptTokens());
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", receipt.usage().reasoningTokens());
        return chunk;
    }

    private static boolean causedByClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientGone) {
                return true;
            }
        }
        return false;
    }
}

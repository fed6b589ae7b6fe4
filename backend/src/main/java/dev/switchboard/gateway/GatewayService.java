package dev.switchboard.gateway;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.gateway.policy.GatewayPolicies;
import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.routing.Capability;
import dev.switchboard.gateway.routing.DeploymentHealth;
import dev.switchboard.gateway.routing.Exclusion;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.gateway.routing.RouteRequest;
import dev.switchboard.gateway.routing.Router;
import dev.switchboard.gateway.routing.UnknownModelException;
import dev.switchboard.gateway.tokens.TokenCounter;
import dev.switchboard.gateway.upstream.ChatResult;
import dev.switchboard.gateway.upstream.EmbeddingResult;
import dev.switchboard.gateway.upstream.ProviderAdapters;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.platform.Ids;
import dev.switchboard.platform.Money;
import dev.switchboard.procurement.ProviderAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every model call in the platform goes through here: validate, route (cheapest deployment that can
 * serve it and is allowed and healthy), call upstream with retries and fallbacks, settle the actual
 * usage into the ledger, answer. The REST gateway, the Anthropic-compatible endpoint, the embeddings
 * endpoint and the in-process LangChain4j models all use this one path.
 */
@Service
public class GatewayService {

    private final DeploymentDirectory directory;
    private final ProviderAdapters adapters;
    private final GatewayPolicies policies;
    private final DeploymentHealth health;
    private final TokenCounter tokens;
    private final UpstreamCalls upstream;
    private final Settlement settlement;
    private final Admissions admissions;
    private final ProviderAccounts accounts;
    private final Clock clock;

    GatewayService(
            DeploymentDirectory directory,
            ProviderAdapters adapters,
            GatewayPolicies policies,
            DeploymentHealth health,
            TokenCounter tokens,
            UpstreamCalls upstream,
            Settlement settlement,
            Admissions admissions,
            ProviderAccounts accounts,
            Clock clock) {
        this.directory = directory;
        this.adapters = adapters;
        this.policies = policies;
        this.health = health;
        this.tokens = tokens;
        this.upstream = upstream;
        this.settlement = settlement;
        this.admissions = admissions;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A non-streamed chat completion and its receipt. */
    public record ChatOutcome(ObjectNode response, CallReceipt receipt) {}

    /** An embeddings call and its receipt. */
    public record EmbeddingOutcome(ObjectNode response, CallReceipt receipt) {}

    /** The plan a request would get, without calling anyone. */
    public RoutePlan explain(ChargeContext charge, JsonNode body, Long latencyCeilingMillis) {
        ChatRequests.Inspected request = ChatRequests.inspect(body);
        return plan(charge, request, tokens.countPrompt(request.body()), latencyCeilingMillis);
    }

    /**
     * For each candidate of {@code plan} (a plan of this request, from {@link #explain}), in order, what a
     * budget would hold for the request if that candidate served it: its worst-case retail cost in the
     * default currency, the amount a cost cap is compared with.
     */
    public List<Money> worstCases(ChargeContext charge, JsonNode body, RoutePlan plan) {
        ChatRequests.Inspected request = ChatRequests.inspect(body);
        long promptTokens = tokens.countPrompt(request.body());
        return plan.ranked().stream()
                .map(ranked -> admissions.worstCase(
                        charge,
                        new RoutePlan(plan.model(), List.of(ranked), List.of()),
                        promptTokens,
                        request.maxTokens()))
                .toList();
    }

    public ChatOutcome chat(ChargeContext charge, JsonNode body, Long latencyCeilingMillis) {
        return chat(charge, body, latencyCeilingMillis, newRequestId());
    }

    /**
     * A chat completion under the caller's request id, for callers that may repeat a call after a
     * crash (workflow activities): the ledger is idempotent on the request id, so however often the
     * same id is settled, it is charged once.
     */
    public ChatOutcome chat(ChargeContext charge, JsonNode body, Long latencyCeilingMillis, String requestId) {
        return chat(charge, body, latencyCeilingMillis, requestId, null);
    }

    /**
     * A chat completion that may not cost more than {@code costCapMicros} (retail, default currency;
     * {@code null}: no cap): candidates whose worst case is over the cap are left out before anything is
     * called, and when none is left the request is refused as invalid, uncharged.
     */
    public ChatOutcome chat(
            ChargeContext charge, JsonNode body, Long latencyCeilingMillis, String requestId, Long costCapMicros) {
        ChatRequests.Inspected request = ChatRequests.inspect(body);
        long promptTokens = tokens.countPrompt(request.body());
        RoutePlan plan = plan(charge, request, promptTokens, latencyCeilingMillis);
        if (costCapMicros != null && !plan.isEmpty()) {
            RoutePlan capped = admissions.withinCap(charge, plan, promptTokens, request.maxTokens(), costCapMicros);
            if (capped.isEmpty()) {
                throw GatewayException.costCapExceeded(
                        plan.model(), costCapMicros, reasons(capped, Exclusion.Reason.COST_CAP));
            }
            plan = capped;
        }
        plan = routable(plan);
        try (Admission admission = admissions.admit(requestId, charge, plan, promptTokens, request.maxTokens())) {
            return chat(charge, request, promptTokens, plan, admission);
        }
    }

    private ChatOutcome chat(
            ChargeContext charge,
            ChatRequests.Inspected request,
            long promptTokens,
            RoutePlan plan,
            Admission admission) {
        String requestId = admission.requestId();
        Instant startedAt = clock.instant();
        UpstreamCalls.Served<ChatResult> served;
        try {
            served = upstream.run(
                    plan,
                    (candidate, target) -> adapters.forFamily(target.family())
                            .chat(target, forUpstream(request.body(), target.upstreamModel())));
        } catch (UpstreamCalls.Exhausted e) {
            settleFailure(requestId, request.model(), charge, startedAt, e.fallbackChain, admission);
            throw e.error;
        }
        ChatResult result = served.value();
        Usage usage = result.usage() != null ? result.usage() : countedUsage(promptTokens, result.response());
        CallReceipt receipt = settlement.settle(new Settlement.Call(
                requestId,
                request.model(),
                charge,
                startedAt,
                served.candidate(),
                usage,
                result.usage() != null ? UsageSource.PROVIDER : UsageSource.TOKENIZER,
                CallStatus.OK,
                served.fallbackChain(),
                null,
                admission));
        ObjectNode response = result.response();
        response.put("model", served.candidate().model());
        if (!response.hasNonNull("id")) {
            response.put("id", requestId);
        }
        return new ChatOutcome(response, receipt);
    }

    /** A streamed chat completion, written to {@code sink}; see {@link StreamedCall}. */
    public void chatStream(ChargeContext charge, JsonNode body, Long latencyCeilingMillis, StreamSink sink) {
        ChatRequests.Inspected request = ChatRequests.inspect(body);
        long promptTokens = tokens.countPrompt(request.body());
        RoutePlan plan = routable(plan(charge, request, promptTokens, latencyCeilingMillis));
        try (Admission admission = admissions.admit(newRequestId(), charge, plan, promptTokens, request.maxTokens())) {
            new StreamedCall(
                            admission.requestId(),
                            request,
                            promptTokens,
                            charge,
                            sink,
                            clock,
                            tokens,
                            settlement,
                            admission)
                    .run(plan, upstream, adapters);
        }
    }

    /**
     * Embeddings in the OpenAI format ({@code POST /v1/embeddings}), routed among the embedding
     * deployments (the in-process all-MiniLM-L6-v2 among them) with the same fallbacks, and settled into
     * the ledger like a chat call, free deployments included.
     *
     * @return the OpenAI {@code list} of embeddings, its {@code usage} being what was charged
     */
    public EmbeddingOutcome embed(ChargeContext charge, JsonNode body) {
        return embed(charge, body, null);
    }

    /** Embeddings, skipping deployments whose observed p95 latency is above the ceiling. */
    public EmbeddingOutcome embed(ChargeContext charge, JsonNode body, Long latencyCeilingMillis) {
        EmbeddingRequests.Inspected request = EmbeddingRequests.inspect(body);
        long promptTokens = tokens.countEmbeddingInput(request.body());
        RoutePlan plan = routable(embeddingPlan(charge, request, latencyCeilingMillis));
        try (Admission admission = admissions.admit(newRequestId(), charge, plan, promptTokens, 0)) {
            return embed(charge, request, promptTokens, plan, admission);
        }
    }

    private EmbeddingOutcome embed(
            ChargeContext charge,
            EmbeddingRequests.Inspected request,
            long promptTokens,
            RoutePlan plan,
            Admission admission) {
        String requestId = admission.requestId();
        Instant startedAt = clock.instant();
        UpstreamCalls.Served<EmbeddingResult> served;
        try {
            served = upstream.run(
                    plan,
                    (candidate, target) -> adapters.forFamily(target.family())
                            .embed(target, forUpstream(request.body(), target.upstreamModel())));
        } catch (UpstreamCalls.Exhausted e) {
            settleFailure(requestId, request.model(), charge, startedAt, e.fallbackChain, admission);
            throw e.error;
        }
        EmbeddingResult result = served.value();
        Usage usage = result.usage() != null ? result.usage() : new Usage(promptTokens, 0, 0, 0);
        CallReceipt receipt = settlement.settle(new Settlement.Call(
                requestId,
                request.model(),
                charge,
                startedAt,
                served.candidate(),
                usage,
                result.usage() != null ? UsageSource.PROVIDER : UsageSource.TOKENIZER,
                CallStatus.OK,
                served.fallbackChain(),
                null,
                admission));
        ObjectNode response = result.response();
        response.put("object", "list");
        response.put("model", served.candidate().model());
        response.putObject("usage").put("prompt_tokens", usage.promptTokens()).put("total_tokens", usage.totalTokens());
        return new EmbeddingOutcome(response, receipt);
    }

    /**
     * A context window limits each input, not the batch, so the router sees the longest input; the
     * ranking is unchanged by it, embedding cost being input tokens times the input price. Nothing is
     * generated: no output tokens.
     */
    private RoutePlan embeddingPlan(ChargeContext charge, EmbeddingRequests.Inspected request, Long ceiling) {
        RouteRequest route = new RouteRequest(
                request.model(),
                Set.of(Capability.EMBEDDINGS),
                EmbeddingRequests.longestInput(request.body(), tokens),
                0,
                ceiling);
        try {
            return Router.plan(
                    route, directory.candidates(), policies.effectiveFor(charge.orgUnit()), health, providersToAvoid());
        } catch (UnknownModelException e) {
            throw GatewayException.modelNotFound(e.getMessage());
        }
    }

    private RoutePlan plan(ChargeContext charge, ChatRequests.Inspected request, long promptTokens, Long ceiling) {
        List<Candidate> candidates = directory.candidates();
        try {
            return Router.plan(
                    new RouteRequest(request.model(), request.needs(), promptTokens, request.maxTokens(), ceiling),
                    candidates,
                    policies.effectiveFor(charge.orgUnit()),
                    health,
                    providersToAvoid());
        } catch (UnknownModelException e) {
            throw GatewayException.modelNotFound(e.getMessage());
        }
    }

    /** An empty plan becomes the error that says why: the request's needs, the policy, or health. */
    private static RoutePlan routable(RoutePlan plan) {
        if (!plan.isEmpty()) {
            return plan;
        }
        String reasons = reasons(plan, null);
        boolean healthOnly = plan.excluded().stream()
                .allMatch(e -> e.reason() == Exclusion.Reason.UNHEALTHY
                        || e.reason() == Exclusion.Reason.TOO_SLOW
                        || e.reason() == Exclusion.Reason.BALANCE_EXHAUSTED);
        boolean policy =
                plan.excluded().stream().anyMatch(e -> e.reason().name().startsWith("POLICY"));
        if (healthOnly) {
            throw GatewayException.upstream(
                    503,
                    "no_available_provider",
                    "No deployment of '" + plan.model() + "' is available right now: " + reasons,
                    java.time.Duration.ofSeconds(10));
        }
        if (policy && plan.excluded().stream().allMatch(e -> e.reason().name().startsWith("POLICY"))) {
            throw GatewayException.forbidden(
                    "Your org unit's policy allows no deployment of '" + plan.model() + "': " + reasons);
        }
        throw GatewayException.invalidRequest(
                null, "No deployment of '" + plan.model() + "' can serve this request: " + reasons);
    }

    /** The plan's exclusions for a message ({@code only} that reason when given), one per provider and cause. */
    private static String reasons(RoutePlan plan, Exclusion.Reason only) {
        return plan.excluded().stream()
                .filter(e -> only == null || e.reason() == only)
                .map(e -> e.providerId() + ": " + e.detail())
                .distinct()
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }

    private void settleFailure(
            String requestId,
            String model,
            ChargeContext charge,
            Instant startedAt,
            List<String> chain,
            Admission admission) {
        settlement.settle(new Settlement.Call(
                requestId,
                model,
                charge,
                startedAt,
                null,
                new Usage(0, 0, 0, 0),
                UsageSource.PROVIDER,
                CallStatus.UPSTREAM_ERROR,
                chain,
                null,
                admission));
    }

    /** Providers whose prepaid balance or credit line is used up and that are marked to be avoided then. */
    private Set<String> providersToAvoid() {
        Set<ProviderId> avoid = accounts.providersToAvoid();
        if (avoid.isEmpty()) {
            return Set.of();
        }
        return avoid.stream().map(ProviderId::value).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private Usage countedUsage(long promptTokens, JsonNode response) {
        long completion = 0;
        for (JsonNode choice : response.path("choices")) {
            completion += tokens.count(choice.path("message").path("content").asString(""));
            completion += tokens.count(choice.path("message").path("tool_calls").toString());
        }
        return new Usage(promptTokens, completion, 0, 0);
    }

    /** The caller's request with the deployment's upstream model id. */
    static ObjectNode forUpstream(ObjectNode body, String upstreamModel) {
        ObjectNode copy = body.deepCopy();
        copy.put("model", upstreamModel);
        return copy;
    }

    private static String newRequestId() {
        return Ids.prefixed("req_");
    }
}

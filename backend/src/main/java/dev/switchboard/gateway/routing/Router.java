package dev.switchboard.gateway.routing;

import dev.switchboard.gateway.routing.Exclusion.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses where a request goes: the deployments matching its model name, alias or tier, minus those
 * that cannot serve it (capability, context window, output limit), may not (the org unit's policy) or
 * should not right now (open circuit, too slow); the rest ranked by expected cost, then weight.
 * A pure function of its inputs, so {@code /api/v1/route/explain} shows exactly what a call would do.
 */
public final class Router {

    /** Output tokens assumed for ranking when the caller sets no limit: equal for every candidate. */
    public static final int EXPECTED_OUTPUT_TOKENS = 512;

    private static final Comparator<RoutePlan.Ranked> ORDER = Comparator.comparingLong(
                    RoutePlan.Ranked::expectedCostExact)
            .thenComparing(r -> -r.candidate().weight())
            .thenComparing(r -> r.candidate().deploymentId());

    private Router() {}

    public static RoutePlan plan(RouteRequest request, List<Candidate> all, OrgPolicy policy, HealthView health) {
        return plan(request, all, policy, health, Set.of());
    }

    /**
     * @param providersToAvoid providers whose prepaid balance or credit line is used up (procurement)
     */
    public static RoutePlan plan(
            RouteRequest request,
            List<Candidate> all,
            OrgPolicy policy,
            HealthView health,
            Set<String> providersToAvoid) {
        List<Candidate> matching = matching(request, all);
        List<RoutePlan.Ranked> ranked = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        long expectedOutput = request.maxTokens() != null ? request.maxTokens() : EXPECTED_OUTPUT_TOKENS;
        for (Candidate c : matching) {
            Optional<Exclusion> why = exclusion(request, c, policy, health, providersToAvoid);
            if (why.isPresent()) {
                excluded.add(why.get());
            } else {
                ranked.add(new RoutePlan.Ranked(
                        c,
                        c.expectedCostExact(request.promptTokens(), expectedOutput),
                        health.p95Millis(c.deploymentId()).orElse(null)));
            }
        }
        ranked.sort(ORDER);
        return new RoutePlan(request.model(), ranked, excluded);
    }

    private static List<Candidate> matching(RouteRequest request, List<Candidate> all) {
        String model = request.model().strip();
        boolean embeddings = request.needs().contains(Capability.EMBEDDINGS);
        List<Candidate> ofKind = all.stream()
                .filter(c -> c.can(Capability.EMBEDDINGS) == embeddings)
                .toList();
        List<Candidate> matching;
        if (model.equalsIgnoreCase(RouteRequest.AUTO)) {
            matching = ofKind;
        } else if (model.toLowerCase(Locale.ROOT).startsWith(RouteRequest.TIER_PREFIX)) {
            String tier = model.substring(RouteRequest.TIER_PREFIX.length());
            matching =
                    ofKind.stream().filter(c -> tier.equalsIgnoreCase(c.tier())).toList();
            if (matching.isEmpty()) {
                throw new UnknownModelException(model, "Known tiers: " + names(ofKind, Candidate::tier) + ".");
            }
        } else {
            int slash = model.indexOf('/');
            matching = ofKind.stream()
                    .filter(c -> c.model().equals(model)
                            || (slash > 0
                                    && c.providerId().equals(model.substring(0, slash))
                                    && c.model().equals(model.substring(slash + 1))))
                    .toList();
        }
        if (matching.isEmpty()) {
            throw new UnknownModelException(
                    model,
                    "Use 'auto', a tier such as 'tier:economy', or one of " + names(ofKind, Candidate::model) + ".");
        }
        return matching;
    }

    private static Optional<Exclusion> exclusion(
            RouteRequest request, Candidate c, OrgPolicy policy, HealthView health, Set<String> providersToAvoid) {
        if (!c.enabled()) {
            return why(c, Reason.DISABLED, "the deployment or its provider is disabled");
        }
        for (Capability need : request.needs()) {
            if (!c.can(need)) {
                return why(
                        c,
                        Reason.MISSING_CAPABILITY,
                        "does not support " + need.name().toLowerCase(Locale.ROOT));
            }
        }
        long needed = request.promptTokens() + (request.maxTokens() == null ? 0 : request.maxTokens());
        if (c.contextWindow() > 0 && needed > c.contextWindow()) {
            return why(
                    c,
                    Reason.CONTEXT_WINDOW,
                    "needs " + needed + " tokens (prompt + max_tokens), context window is " + c.contextWindow());
        }
        if (request.maxTokens() != null && c.maxOutputTokens() > 0 && request.maxTokens() > c.maxOutputTokens()) {
            return why(
                    c,
                    Reason.MAX_OUTPUT,
                    "max_tokens " + request.maxTokens() + " exceeds its output limit " + c.maxOutputTokens());
        }
        if (!policy.providers().permits(c.providerId())) {
            return why(c, Reason.POLICY_PROVIDER, "provider '" + c.providerId() + "' is not allowed for your org unit");
        }
        if (!policy.regions().permits(c.region())) {
            return why(c, Reason.POLICY_REGION, "region '" + c.region() + "' is not allowed for your org unit");
        }
        if (!policy.jurisdictions().permits(c.jurisdiction())) {
            return why(
                    c,
                    Reason.POLICY_JURISDICTION,
                    "jurisdiction '" + c.jurisdiction() + "' is not allowed for your org unit");
        }
        if (providersToAvoid.contains(c.providerId())) {
            return why(
                    c,
                    Reason.BALANCE_EXHAUSTED,
                    "the prepaid balance or credit line with provider '" + c.providerId() + "' is used up");
        }
        if (!health.available(c.deploymentId())) {
            return why(c, Reason.UNHEALTHY, "recent calls failed; its circuit is open until a probe succeeds");
        }
        Optional<Long> p95 = health.p95Millis(c.deploymentId());
        if (request.latencyCeilingMillis() != null && p95.isPresent() && p95.get() > request.latencyCeilingMillis()) {
            return why(
                    c,
                    Reason.TOO_SLOW,
                    "observed p95 " + p95.get() + " ms is above the ceiling of " + request.latencyCeilingMillis()
                            + " ms");
        }
        return Optional.empty();
    }

    private static Optional<Exclusion> why(Candidate c, Reason reason, String detail) {
        return Optional.of(new Exclusion(c.deploymentId(), c.providerId(), reason, detail));
    }

    private static String names(List<Candidate> candidates, java.util.function.Function<Candidate, String> name) {
        return new TreeSet<>(candidates.stream()
                        .map(name)
                        .filter(java.util.Objects::nonNull)
                        .toList())
                .toString();
    }
}

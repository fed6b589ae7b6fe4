package dev.switchboard.gateway;

import dev.switchboard.budget.BudgetExceededException;
import dev.switchboard.budget.BudgetGuard;
import dev.switchboard.budget.Reservation;
import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.routing.Exclusion;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.ledger.RetailPricing;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.ratelimit.Permit;
import dev.switchboard.ratelimit.RateLimitedException;
import dev.switchboard.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Admits a routed call before it goes upstream, in this order: the rate limits of its API key and of
 * its org unit and every ancestor (a refusal is a 429 with {@code Retry-After}), then a reservation of
 * its worst-case retail cost on every budget that applies (a hard budget that cannot take it is a 402).
 * Nothing is charged for a refused call.
 *
 * <p>The worst case is the most expensive candidate of the plan (any of them may serve it after a
 * fallback) with the prompt as counted plus a margin for the provider's own count, and the output at
 * {@code max_tokens}, or the deployment's output limit when the request sets none.
 */
@Component
class Admissions {

    /** When a deployment states no output limit and the request none either. */
    static final long UNKNOWN_MAX_OUTPUT = 4_096;

    private final RateLimiter limiter;
    private final BudgetGuard budgets;
    private final DeploymentDirectory directory;
    private final RetailPricing pricing;
    private final OrgService org;
    private final GatewayProperties properties;
    private final Clock clock;

    Admissions(
            RateLimiter limiter,
            BudgetGuard budgets,
            DeploymentDirectory directory,
            RetailPricing pricing,
            OrgService org,
            GatewayProperties properties,
            Clock clock) {
        this.limiter = limiter;
        this.budgets = budgets;
        this.directory = directory;
        this.pricing = pricing;
        this.org = org;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param requestId the call's id (its reservation and ledger row carry it)
     * @param maxTokens the request's {@code max_tokens}, {@code null} when absent; 0 for embeddings
     */
    Admission admit(String requestId, ChargeContext charge, RoutePlan plan, long promptTokens, Integer maxTokens) {
        List<OrgUnitId> path =
                org.pathToRoot(charge.orgUnit()).stream().map(OrgUnit::id).toList();
        long expectedTokens = promptTokens
                + (maxTokens != null ? maxTokens : dev.switchboard.gateway.routing.Router.EXPECTED_OUTPUT_TOKENS);
        Permit permit;
        try {
            permit = limiter.acquire(charge.apiKeyId(), path, expectedTokens);
        } catch (RateLimitedException e) {
            throw GatewayException.rateLimited(capitalised(e.getMessage()) + ".", e.retryAfter());
        }
        try {
            Money worst = worstCase(charge, plan, promptTokens, maxTokens);
            Reservation reservation =
                    budgets.reserve(requestId, charge.orgUnit(), charge.apiKeyId(), worst.currency(), worst.micros());
            return new Admission(permit, budgets, reservation);
        } catch (BudgetExceededException e) {
            permit.complete(0);
            throw GatewayException.budgetExceeded(e);
        } catch (RuntimeException | Error e) {
            permit.complete(0);
            throw e;
        }
    }

    /** The most the call can cost retail, in the default currency (see the class comment). */
    Money worstCase(ChargeContext charge, RoutePlan plan, long promptTokens, Integer maxTokens) {
        Currency currency = Currency.getInstance(properties.defaultCurrency());
        Instant at = clock.instant();
        long worst = 0;
        for (RoutePlan.Ranked ranked : plan.ranked()) {
            Money retail = worstCaseOf(charge, ranked.candidate(), promptTokens, maxTokens, at);
            if (retail.currency().equals(currency)) {
                worst = Math.max(worst, retail.micros());
            }
        }
        return new Money(worst, currency);
    }

    /**
     * The plan without the candidates whose worst-case retail cost (in the default currency) is over
     * {@code capMicros}, listed as excluded: a caller with a cost cap (a workflow step) must not start a
     * call that could cost more.
     */
    RoutePlan withinCap(ChargeContext charge, RoutePlan plan, long promptTokens, Integer maxTokens, long capMicros) {
        Currency currency = Currency.getInstance(properties.defaultCurrency());
        Instant at = clock.instant();
        List<RoutePlan.Ranked> kept = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>(plan.excluded());
        for (RoutePlan.Ranked ranked : plan.ranked()) {
            Candidate c = ranked.candidate();
            Money retail = worstCaseOf(charge, c, promptTokens, maxTokens, at);
            if (retail.currency().equals(currency) && retail.micros() > capMicros) {
                excluded.add(new Exclusion(
                        c.deploymentId(),
                        c.providerId(),
                        Exclusion.Reason.COST_CAP,
                        "its worst case, " + retail.micros() + " micro-units, is over the cost cap of " + capMicros
                                + " (a lower max_tokens lowers the worst case)"));
            } else {
                kept.add(ranked);
            }
        }
        return new RoutePlan(plan.model(), kept, excluded);
    }

    private Money worstCaseOf(ChargeContext charge, Candidate c, long promptTokens, Integer maxTokens, Instant at) {
        long prompt = promptTokens + promptTokens / 10 + 16;
        long output =
                maxTokens != null ? maxTokens : c.maxOutputTokens() > 0 ? c.maxOutputTokens() : UNKNOWN_MAX_OUTPUT;
        Money wholesale = directory.wholesaleCost(c.deploymentId(), at, new Usage(prompt, output, 0, 0));
        return pricing.retailFor(charge.orgUnit(), c.model(), prompt, 0, output, wholesale, at)
                .retail();
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}

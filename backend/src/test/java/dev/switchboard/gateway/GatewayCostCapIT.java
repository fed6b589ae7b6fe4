package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.gateway.routing.Exclusion;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.gateway.tokens.TokenCounter;
import dev.switchboard.org.OrgService;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.IntegrationTest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A caller's cost cap (a workflow step's) bounds the worst case of the call before anything is called. */
@IntegrationTest
class GatewayCostCapIT {

    static final JsonNode BODY = JsonMapper.shared().readTree("""
            {"model":"sim-chat","max_tokens":50,"messages":[{"role":"user","content":"One line about caps."}]}""");

    @Autowired
    GatewayService gateway;

    @Autowired
    Admissions admissions;

    @Autowired
    TokenCounter tokens;

    @Autowired
    OrgService org;

    @Autowired
    JdbcClient jdbc;

    ChargeContext charge;
    RoutePlan.Ranked cheapestWorstCase;
    long cheapestWorstCaseMicros;

    @BeforeEach
    void setUp() {
        charge = ChargeContext.of(org.company().id());
        RoutePlan plan = gateway.explain(charge, BODY, null);
        assertThat(plan.ranked()).as("the simulated providers serve sim-chat").hasSizeGreaterThan(1);
        List<Money> worstCases = gateway.worstCases(charge, BODY, plan);
        int cheapest = IntStream.range(0, worstCases.size())
                .boxed()
                .min(Comparator.comparingLong(i -> worstCases.get(i).micros()))
                .orElseThrow();
        cheapestWorstCase = plan.ranked().get(cheapest);
        cheapestWorstCaseMicros = worstCases.get(cheapest).micros();
    }

    long ledgerRows(String requestId) {
        return jdbc.sql("SELECT count(*) FROM usage_ledger WHERE request_id = ?")
                .param(requestId)
                .query(Long.class)
                .single();
    }

    @Test
    void a_cap_below_every_worst_case_refuses_the_call_before_anything_is_called_or_charged() {
        var refused = catchThrowableOfType(
                GatewayException.class,
                () -> gateway.chat(charge, BODY, null, "req-cap-refused", cheapestWorstCaseMicros - 1));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(GatewayException.COST_CAP_EXCEEDED);
        assertThat(refused.getMessage()).contains("fits the cost cap of " + (cheapestWorstCaseMicros - 1));
        assertThat(ledgerRows("req-cap-refused")).isZero();
    }

    @Test
    void a_cap_leaves_out_the_deployments_whose_worst_case_is_over_it() {
        RoutePlan plan = gateway.explain(charge, BODY, null);
        long promptTokens = tokens.countPrompt(ChatRequests.inspect(BODY).body());

        RoutePlan capped = admissions.withinCap(charge, plan, promptTokens, 50, cheapestWorstCaseMicros);

        assertThat(gateway.worstCases(charge, BODY, capped))
                .allSatisfy(worst -> assertThat(worst.micros()).isLessThanOrEqualTo(cheapestWorstCaseMicros));
        assertThat(capped.ranked().size()
                        + capped.excluded().stream()
                                .filter(e -> e.reason() == Exclusion.Reason.COST_CAP)
                                .count())
                .isEqualTo(plan.ranked().size());
        assertThat(capped.excluded())
                .filteredOn(e -> e.reason() == Exclusion.Reason.COST_CAP)
                .allSatisfy(e -> assertThat(e.detail()).contains("over the cost cap of " + cheapestWorstCaseMicros));

        GatewayService.ChatOutcome served = gateway.chat(charge, BODY, null, "req-cap-fits", cheapestWorstCaseMicros);

        assertThat(served.receipt().providerId())
                .isEqualTo(cheapestWorstCase.candidate().providerId());
        assertThat(served.receipt().retail().micros()).isLessThanOrEqualTo(cheapestWorstCaseMicros);
        assertThat(ledgerRows("req-cap-fits")).isEqualTo(1);
    }
}

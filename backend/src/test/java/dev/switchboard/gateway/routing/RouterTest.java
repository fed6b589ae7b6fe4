package dev.switchboard.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.routing.Exclusion.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    static Candidate candidate(String provider, String model, String tier, long in, long out, Capability... caps) {
        return new Candidate(
                provider + ":" + model,
                provider,
                model,
                tier,
                Set.of(caps),
                128_000,
                8_192,
                1,
                "us",
                "US",
                true,
                in,
                out);
    }

    final Candidate cheap = candidate(
            "sim-fast",
            "sim-chat",
            "economy",
            150_000,
            600_000,
            Capability.TOOLS,
            Capability.JSON,
            Capability.STREAMING);
    final Candidate mid =
            candidate("sim-mid", "sim-chat", "standard", 500_000, 1_500_000, Capability.TOOLS, Capability.STREAMING);
    final Candidate smart = candidate(
            "sim-smart",
            "sim-pro",
            "frontier",
            2_500_000,
            10_000_000,
            Capability.TOOLS,
            Capability.VISION,
            Capability.JSON,
            Capability.STREAMING);
    final Candidate embed = candidate("local", "minilm", "economy", 0, 0, Capability.EMBEDDINGS);
    final List<Candidate> all = List.of(smart, mid, cheap, embed);

    static RouteRequest request(String model, Capability... needs) {
        return new RouteRequest(model, Set.of(needs), 1_000, null, null);
    }

    @Test
    void a_model_served_by_two_providers_goes_to_the_cheaper_first() {
        RoutePlan plan = Router.plan(request("sim-chat"), all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);

        assertThat(plan.ranked()).extracting(r -> r.candidate().providerId()).containsExactly("sim-fast", "sim-mid");
        // 1000 × 0.15 + 512 × 0.6 = 150 + 307.2 → 458 micros (rounded up)
        assertThat(plan.ranked().getFirst().expectedCostMicros()).isEqualTo(458);
    }

    @Test
    void auto_considers_every_chat_model_but_never_embeddings() {
        RoutePlan plan = Router.plan(request("auto"), all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);

        assertThat(plan.ranked())
                .extracting(r -> r.candidate().providerId())
                .containsExactly("sim-fast", "sim-mid", "sim-smart");
    }

    @Test
    void a_tier_selects_its_deployments_and_an_unknown_tier_names_the_known_ones() {
        RoutePlan plan = Router.plan(request("tier:frontier"), all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);
        assertThat(plan.ranked()).extracting(r -> r.candidate().model()).containsExactly("sim-pro");

        assertThatThrownBy(() ->
                        Router.plan(request("tier:legendary"), all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("economy, frontier, standard");
    }

    @Test
    void provider_slash_model_pins_the_provider() {
        RoutePlan plan = Router.plan(request("sim-mid/sim-chat"), all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);
        assertThat(plan.ranked())
                .singleElement()
                .satisfies(r -> assertThat(r.candidate().providerId()).isEqualTo("sim-mid"));
    }

    @Test
    void unknown_model_is_an_error_listing_what_exists() {
        assertThatThrownBy(() -> Router.plan(request("gpt-9"), all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("'gpt-9' does not exist")
                .hasMessageContaining("sim-chat");
    }

    @Test
    void needs_filter_candidates_and_say_why() {
        RoutePlan plan =
                Router.plan(request("auto", Capability.VISION), all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);

        assertThat(plan.ranked()).extracting(r -> r.candidate().providerId()).containsExactly("sim-smart");
        assertThat(plan.excluded()).extracting(Exclusion::reason).containsOnly(Reason.MISSING_CAPABILITY);
        assertThat(plan.excluded()).extracting(Exclusion::detail).contains("does not support vision");
    }

    @Test
    void context_window_and_output_limit_are_checked_against_prompt_plus_max_tokens() {
        RouteRequest big = new RouteRequest("sim-chat", Set.of(), 127_000, 2_000, null);
        RoutePlan plan = Router.plan(big, all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);
        assertThat(plan.ranked()).isEmpty();
        assertThat(plan.excluded()).extracting(Exclusion::reason).containsOnly(Reason.CONTEXT_WINDOW);

        RouteRequest longOutput = new RouteRequest("sim-chat", Set.of(), 10, 9_000, null);
        assertThat(Router.plan(longOutput, all, OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY)
                        .excluded())
                .extracting(Exclusion::reason)
                .containsOnly(Reason.MAX_OUTPUT);
    }

    @Test
    void the_org_policy_removes_providers_regions_and_jurisdictions() {
        OrgPolicy department =
                new OrgPolicy(AllowList.only(Set.of("sim-fast", "sim-mid")), AllowList.ANY, AllowList.ANY);
        OrgPolicy team = new OrgPolicy(AllowList.only(Set.of("sim-mid", "sim-smart")), AllowList.ANY, AllowList.ANY);

        RoutePlan plan = Router.plan(request("auto"), all, department.narrowedBy(team), HealthView.ALL_HEALTHY);

        assertThat(plan.ranked()).extracting(r -> r.candidate().providerId()).containsExactly("sim-mid");
        assertThat(plan.excluded()).extracting(Exclusion::reason).containsOnly(Reason.POLICY_PROVIDER);

        OrgPolicy euOnly = new OrgPolicy(AllowList.ANY, AllowList.only(Set.of("eu")), AllowList.ANY);
        assertThat(Router.plan(request("auto"), all, euOnly, HealthView.ALL_HEALTHY)
                        .ranked())
                .isEmpty();
    }

    @Test
    void open_circuits_and_slow_deployments_are_skipped() {
        HealthView health = new HealthView() {
            @Override
            public boolean available(String deploymentId) {
                return !deploymentId.equals(cheap.deploymentId());
            }

            @Override
            public Optional<Long> p95Millis(String deploymentId) {
                return Optional.ofNullable(Map.of(mid.deploymentId(), 900L, smart.deploymentId(), 200L)
                        .get(deploymentId));
            }
        };
        RouteRequest fastPlease = new RouteRequest("auto", Set.of(), 100, null, 500L);

        RoutePlan plan = Router.plan(fastPlease, all, OrgPolicy.UNRESTRICTED, health);

        assertThat(plan.ranked()).extracting(r -> r.candidate().providerId()).containsExactly("sim-smart");
        assertThat(plan.excluded())
                .extracting(Exclusion::reason)
                .containsExactlyInAnyOrder(Reason.UNHEALTHY, Reason.TOO_SLOW);
    }

    @Test
    void equal_cost_prefers_the_higher_weight() {
        Candidate a = new Candidate("a", "pa", "m", "standard", Set.of(), 0, 0, 1, "us", "US", true, 100, 100);
        Candidate b = new Candidate("b", "pb", "m", "standard", Set.of(), 0, 0, 5, "us", "US", true, 100, 100);

        RoutePlan plan = Router.plan(request("m"), List.of(a, b), OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);

        assertThat(plan.ranked()).extracting(r -> r.candidate().deploymentId()).containsExactly("b", "a");
    }

    @Test
    void disabled_deployments_are_excluded_not_unknown() {
        Candidate off = new Candidate("off", "p", "m", "standard", Set.of(), 0, 0, 1, "us", "US", false, 1, 1);

        RoutePlan plan = Router.plan(request("m"), List.of(off), OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.excluded())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.DISABLED));
    }

    @Test
    void tiny_calls_still_rank_by_price_not_by_a_rounded_micro() {
        // 3 tokens at 10 vs 20 micros per million both round up to 1 micro; the cheaper must still win
        Candidate cheaper = new Candidate(
                "c", "pc", "e", "economy", Set.of(Capability.EMBEDDINGS), 0, 0, 1, "us", "US", true, 10, 0);
        Candidate dearer = new Candidate(
                "d", "pd", "e", "economy", Set.of(Capability.EMBEDDINGS), 0, 0, 100, "us", "US", true, 20, 0);
        RouteRequest tiny = new RouteRequest("e", Set.of(Capability.EMBEDDINGS), 3, 1, null);

        RoutePlan plan = Router.plan(tiny, List.of(dearer, cheaper), OrgPolicy.UNRESTRICTED, HealthView.ALL_HEALTHY);

        assertThat(plan.ranked()).extracting(r -> r.candidate().deploymentId()).containsExactly("c", "d");
        assertThat(plan.ranked())
                .extracting(RoutePlan.Ranked::expectedCostMicros)
                .containsExactly(1L, 1L);
    }
}

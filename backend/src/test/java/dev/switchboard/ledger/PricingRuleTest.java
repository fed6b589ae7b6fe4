package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ledger.PricingRule.PathUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which rule prices a call, along the path team → department → company. */
class PricingRuleTest {

    static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");
    static final Markup DEFAULT = new Markup(2000);
    static final Money WHOLESALE = Money.ofMicros(1_000, "USD");

    final OrgUnitId team = new OrgUnitId(UUID.randomUUID());
    final OrgUnitId department = new OrgUnitId(UUID.randomUUID());
    final OrgUnitId company = new OrgUnitId(UUID.randomUUID());
    // 1 000 000 micros per MTok everywhere: 1 micro per token, so 100 in + 50 out = 150 micros
    final PricePlan usdPlan = plan("USD", new PlanPrice("gpt-x", 1_000_000, 0, 1_000_000, NOW.minusSeconds(60), false));
    final PricePlan eurPlan = plan("EUR", new PlanPrice("gpt-x", 1_000_000, 0, 1_000_000, NOW.minusSeconds(60), false));
    final Map<PricePlanId, PricePlan> plans = Map.of(usdPlan.id(), usdPlan, eurPlan.id(), eurPlan);

    static PricePlan plan(String currency, PlanPrice... prices) {
        return new PricePlan(
                new PricePlanId(UUID.randomUUID()),
                currency + " plan",
                "",
                Currency.getInstance(currency),
                NOW.minusSeconds(3600),
                "carol",
                null,
                List.of(prices));
    }

    RetailQuote quote(String model, PathUnit... path) {
        return PricingRule.resolve(List.of(path), plans::get, DEFAULT).quote(model, 100, 0, 50, WHOLESALE, NOW);
    }

    PathUnit none(OrgUnitId id) {
        return new PathUnit(id, null, null);
    }

    PathUnit markup(OrgUnitId id, int bps) {
        return new PathUnit(id, bps, null);
    }

    PathUnit plan(OrgUnitId id, PricePlan plan) {
        return new PathUnit(id, null, plan.id());
    }

    @Test
    void no_markup_and_no_plan_anywhere_applies_the_default_markup() {
        RetailQuote quote = quote("gpt-x", none(team), none(department), none(company));

        assertThat(quote.retail()).isEqualTo(Money.ofMicros(1_200, "USD"));
        assertThat(quote.markupBasisPoints()).isEqualTo(2000);
        assertThat(quote.pricePlanId()).isNull();
    }

    @Test
    void a_plan_on_an_ancestor_beats_a_markup_further_up() {
        RetailQuote quote = quote("gpt-x", none(team), plan(department, usdPlan), markup(company, 5000));

        assertThat(quote.retail()).isEqualTo(Money.ofMicros(150, "USD"));
        assertThat(quote.basis()).isEqualTo(new PricingBasis.ByPlan(usdPlan.id()));
        assertThat(quote.markupBasisPoints()).isNull();
    }

    @Test
    void a_markup_on_the_child_beats_a_plan_on_an_ancestor() {
        RetailQuote quote = quote("gpt-x", markup(team, 1000), plan(department, usdPlan), none(company));

        assertThat(quote.retail()).isEqualTo(Money.ofMicros(1_100, "USD"));
        assertThat(quote.basis()).isEqualTo(new PricingBasis.ByMarkup(new Markup(1000)));
    }

    @Test
    void a_plan_on_the_child_beats_a_markup_on_an_ancestor() {
        RetailQuote quote = quote("gpt-x", plan(team, usdPlan), markup(department, 1000), none(company));

        assertThat(quote.pricePlanId()).isEqualTo(usdPlan.id());
        assertThat(quote.retail().micros()).isEqualTo(150);
    }

    @Test
    void a_plan_that_does_not_list_the_model_falls_back_to_the_nearest_markup_above() {
        RetailQuote quote = quote("other-model", plan(team, usdPlan), markup(department, 3000), markup(company, 9000));

        assertThat(quote.markupBasisPoints()).isEqualTo(3000);
        assertThat(quote.retail().micros()).isEqualTo(1_300);
    }

    @Test
    void a_plan_that_does_not_list_the_model_and_no_markup_above_falls_back_to_the_default() {
        RetailQuote quote = quote("other-model", none(team), plan(department, usdPlan), none(company));

        assertThat(quote.markupBasisPoints()).isEqualTo(2000);
    }

    @Test
    void a_nearer_plan_hides_a_plan_further_up_even_for_models_only_the_far_one_lists() {
        PricePlan far = plan("USD", new PlanPrice("only-far", 1_000_000, 0, 0, NOW.minusSeconds(60), false));
        PricingRule rule = PricingRule.resolve(
                List.of(plan(team, usdPlan), plan(department, far)),
                Map.of(usdPlan.id(), usdPlan, far.id(), far)::get,
                DEFAULT);

        assertThat(rule.quote("only-far", 100, 0, 0, WHOLESALE, NOW).markupBasisPoints())
                .isEqualTo(2000);
    }

    @Test
    void a_unit_with_both_uses_its_plan_for_listed_models_and_its_markup_for_the_rest() {
        PathUnit both = new PathUnit(team, 500, usdPlan.id());

        assertThat(quote("gpt-x", both, markup(company, 9000)).pricePlanId()).isEqualTo(usdPlan.id());
        assertThat(quote("other-model", both, markup(company, 9000)).markupBasisPoints())
                .isEqualTo(500);
    }

    @Test
    void a_plan_in_another_currency_than_the_wholesale_falls_back_to_the_markup() {
        RetailQuote quote = quote("gpt-x", plan(team, eurPlan), markup(company, 1000));

        assertThat(quote.markupBasisPoints()).isEqualTo(1000);
        assertThat(quote.retail().currency()).isEqualTo(Currency.getInstance("USD"));
    }

    @Test
    void the_plan_price_in_force_when_the_call_was_made_applies() {
        Instant change = NOW.plusSeconds(3600);
        PricePlan changing = plan(
                "USD",
                new PlanPrice("gpt-x", 1_000_000, 0, 0, NOW.minusSeconds(60), false),
                new PlanPrice("gpt-x", 3_000_000, 0, 0, change, false),
                PlanPrice.withdrawal("gpt-x", change.plusSeconds(3600)));
        PricingRule rule =
                PricingRule.resolve(List.of(plan(team, changing)), Map.of(changing.id(), changing)::get, DEFAULT);

        assertThat(rule.quote("gpt-x", 10, 0, 0, WHOLESALE, NOW).retail().micros())
                .isEqualTo(10);
        assertThat(rule.quote("gpt-x", 10, 0, 0, WHOLESALE, change).retail().micros())
                .isEqualTo(30);
        assertThat(rule.quote("gpt-x", 10, 0, 0, WHOLESALE, change.plusSeconds(3600))
                        .markupBasisPoints())
                .isEqualTo(2000);
    }

    @Test
    void a_plan_may_sell_below_wholesale_and_the_margin_shows_it() {
        RetailQuote quote = quote("gpt-x", plan(team, usdPlan));

        assertThat(quote.retail().minus(WHOLESALE).micros()).isEqualTo(150 - 1_000);
    }

    @Test
    void a_unit_the_path_query_did_not_find_gets_the_default_markup() {
        assertThat(PricingRule.resolve(List.of(), plans::get, DEFAULT)
                        .quote("gpt-x", 1, 0, 1, WHOLESALE, NOW)
                        .markupBasisPoints())
                .isEqualTo(2000);
    }
}

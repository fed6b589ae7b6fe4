package dev.switchboard.budget;

import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.apikey.NewApiKey;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Org units, keys, budgets and counters for the engine's integration tests. */
final class BudgetFixture {

    static final LocalDate SINCE = LocalDate.of(2026, 1, 1);
    static final String USD = "USD";
    /**
     * When the test calls happened, as their ledger rows say: in the past, so that tests reading the
     * newest ledger rows (the gateway's) never find these ahead of theirs.
     */
    static final Instant CALLED_AT = Instant.parse("2025-05-10T10:00:00Z");

    private final OrgService org;
    private final Budgets budgets;
    private final ApiKeys keys;
    private final JdbcClient jdbc;

    BudgetFixture(OrgService org, Budgets budgets, ApiKeys keys, JdbcClient jdbc) {
        this.org = org;
        this.budgets = budgets;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    static void signInAsAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "master-key", null, List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    static long usd(double units) {
        return Math.round(units * 1_000_000);
    }

    OrgUnitId department() {
        return org.create(OrgUnitKind.DEPARTMENT, org.company().id(), "Dept " + UUID.randomUUID())
                .id();
    }

    OrgUnitId team(OrgUnitId parent) {
        OrgUnit team = org.create(OrgUnitKind.TEAM, parent, "Team " + UUID.randomUUID());
        return team.id();
    }

    UUID key(OrgUnitId unit) {
        return keys.create(new NewApiKey(unit, null, "key " + UUID.randomUUID(), null))
                .key()
                .id()
                .value();
    }

    BudgetId budget(BudgetScope scope, long micros, Enforcement enforcement, BudgetPeriod period) {
        return budgets.create(new NewBudget(
                        scope, "budget " + UUID.randomUUID(), Money.ofMicros(micros, USD), period, enforcement, null))
                .budget()
                .id();
    }

    BudgetId monthly(OrgUnitId unit, long micros, Enforcement enforcement) {
        return budget(new BudgetScope.Unit(unit), micros, enforcement, new BudgetPeriod.Monthly(SINCE));
    }

    /** {spent, reserved} of a budget's period. */
    long[] counter(BudgetId budget, String periodStart) {
        return jdbc.sql(
                        "SELECT spent_micros, reserved_micros FROM budget_period WHERE budget_id = ? AND period_start = ?")
                .params(budget.value(), java.sql.Timestamp.from(Instant.parse(periodStart)))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .orElse(new long[2]);
    }

    long holdRows(BudgetId budget) {
        return jdbc.sql("SELECT count(*) FROM budget_reservation WHERE budget_id = ?")
                .param(budget.value())
                .query(Long.class)
                .single();
    }

    long ledgerRetail(OrgUnitId unit) {
        return jdbc.sql("SELECT coalesce(sum(retail_micros), 0) FROM usage_ledger WHERE org_unit_id = ?")
                .param(unit.value())
                .query(Long.class)
                .single();
    }

    static UsageEntry entry(Reservation reservation, OrgUnitId unit, long retailMicros, CallStatus status) {
        return new UsageEntry(
                reservation.requestId(),
                CALLED_AT,
                null,
                unit,
                null,
                status == CallStatus.UPSTREAM_ERROR ? null : "sim-fast",
                "budget-test-model",
                1000,
                status == CallStatus.UPSTREAM_ERROR ? 0 : 100,
                0,
                0,
                UsageSource.PROVIDER,
                Money.ofMicros(retailMicros * 10 / 12, USD),
                Money.ofMicros(retailMicros, USD),
                2000,
                100,
                null,
                status,
                status == CallStatus.UPSTREAM_ERROR ? List.of() : List.of("sim-fast"));
    }
}

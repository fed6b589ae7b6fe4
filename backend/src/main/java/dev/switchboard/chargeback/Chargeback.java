package dev.switchboard.chargeback;

import dev.switchboard.ledger.LedgerCut;
import dev.switchboard.ledger.UsageGroup;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageSlice;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chargeback statements: per org unit (its descendants included) per calendar period, the usage by
 * project, model, provider and key with wholesale, retail and margin. An open period's statement is
 * computed from the ledger on every read; closing the period (platform admins and finance, once it has
 * ended) stores it for good. Usage recorded after a close lands in the next open period as late lines
 * naming the period it occurred in; {@link StatementSlices} states the rule.
 *
 * <p>Reading needs platform-admin or finance, or membership of the unit or of a unit above it.
 */
@Service
public class Chargeback {

    private final UsageLedger ledger;
    private final StatementRepository statements;
    private final StatementAccess access;
    private final OrgService org;
    private final PeriodCalendar calendar;
    private final Clock clock;

    Chargeback(
            UsageLedger ledger,
            StatementRepository statements,
            StatementAccess access,
            OrgService org,
            ChargebackProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.statements = statements;
        this.access = access;
        this.org = org;
        this.calendar = new PeriodCalendar(properties.cadence(), properties.zone());
        this.clock = clock;
    }

    /** The period containing {@code at}, in the configured cadence and zone. */
    public BillingPeriod periodContaining(Instant at) {
        return calendar.containing(at);
    }

    /**
     * The unit's statement for a period: the stored one if the period is closed, else computed now.
     *
     * @param period a label such as {@code 2026-11}; {@code null} for the current period
     */
    @Transactional(readOnly = true)
    public Statement statement(OrgUnitId unit, String period) {
        org.get(unit);
        BillingPeriod billing = period == null ? calendar.containing(clock.instant()) : calendar.parse(period);
        access.requireMayRead(unit);
        Optional<Statement> closed = statements.find(unit, billing.label());
        if (closed.isPresent()) {
            return closed.get();
        }
        List<StatementLine> lines = lines(unit, billing, UsageSlice.UNBOUNDED, statements.closedCuts(unit));
        return new Statement(
                null,
                unit,
                billing,
                calendar.zone().getId(),
                Statement.Status.OPEN,
                clock.instant(),
                null,
                null,
                lines);
    }

    /** A closed statement. */
    @Transactional(readOnly = true)
    public Statement get(StatementId id) {
        Statement statement = statements.find(id).orElseThrow(() -> new StatementNotFoundException(id));
        access.requireMayRead(statement.orgUnitId());
        return statement;
    }

    /**
     * Closes the unit's period: cuts the ledger, sums what belongs to the period and stores it. From
     * then on the statement never changes, and usage of the period recorded later is late usage of the
     * next open period.
     *
     * @throws ChargebackConflictException if the period has not ended yet or is already closed
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    @Transactional
    public Statement close(OrgUnitId unit, String period) {
        org.get(unit);
        if (period == null) {
            throw new ChargebackValidationException("period", "must name the period to close, such as 2026-11");
        }
        BillingPeriod billing = calendar.parse(period);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (now.isBefore(billing.end())) {
            throw new ChargebackConflictException(
                    "period " + billing.label() + " has not ended yet (it ends at " + billing.end() + ")");
        }
        statements.lockCloses();
        Map<String, Long> cuts = statements.closedCuts(unit);
        if (cuts.containsKey(billing.label())) {
            throw new ChargebackConflictException("period " + billing.label() + " of " + unit + " is already closed");
        }
        LedgerCut cut = ledger.cut(); // after the lock: cuts grow with closing order
        Statement closed = new Statement(
                new StatementId(UUID.randomUUID()),
                unit,
                billing,
                calendar.zone().getId(),
                Statement.Status.CLOSED,
                now,
                access.username(),
                cut.position(),
                lines(unit, billing, cut.position(), cuts));
        try {
            statements.insert(closed);
        } catch (DuplicateKeyException e) {
            throw new ChargebackConflictException("period " + billing.label() + " of " + unit + " is already closed");
        }
        return closed;
    }

    private List<StatementLine> lines(OrgUnitId unit, BillingPeriod period, long upTo, Map<String, Long> cuts) {
        List<StatementLine> onTime = new ArrayList<>();
        List<StatementLine> late = new ArrayList<>();
        for (UsageGroup g : ledger.summarize(unit, StatementSlices.of(period, upTo, cuts, calendar))) {
            boolean own = g.slice().equals(period.label());
            (own ? onTime : late)
                    .add(new StatementLine(
                            own ? null : g.slice(),
                            g.projectId(),
                            g.model(),
                            g.providerId(),
                            g.apiKeyId(),
                            g.currency(),
                            g.calls(),
                            g.inputTokens(),
                            g.cachedInputTokens(),
                            g.outputTokens(),
                            g.wholesaleMicros(),
                            g.retailMicros()));
        }
        onTime.addAll(late);
        return onTime;
    }

    /** The statement as CSV with unit names: the REST export and the UI download. */
    public String csv(Statement statement) {
        java.util.Map<OrgUnitId, String> names = org.list(true).stream()
                .collect(java.util.stream.Collectors.toMap(
                        dev.switchboard.org.OrgUnit::id, dev.switchboard.org.OrgUnit::name));
        return StatementCsv.render(statement, names);
    }

    /** The file name the CSV export uses, e.g. {@code chargeback-marketing-2026-11.csv}. */
    public String csvFileName(Statement statement) {
        return StatementCsv.fileName(statement);
    }
}

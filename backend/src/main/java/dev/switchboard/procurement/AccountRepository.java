package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code provider_account}, {@code provider_account_entry} and {@code
 * procurement_spend_watermark}, and the sums over {@code usage_ledger} that turn them into balances.
 * The ledger is read, never written: it is the source of truth for wholesale spend.
 */
@Repository
class AccountRepository {

    /** An account as stored, without the sums. */
    record Stored(
            ProviderId providerId,
            AccountKind kind,
            Currency currency,
            long lowBalanceMicros,
            boolean avoidWhenExhausted,
            Instant openedAt,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            AlertLevel alertLevel,
            long alertVersion,
            Instant alertChangedAt) {}

    /** An account and its sums, all read in one statement (one snapshot). */
    record Reading(Stored account, long creditLimitMicros, long creditedMicros, long spentMicros) {}

    // A ledger row counts for an account when it is the account's provider and currency and the call
    // started once the account was open.
    private static final String COUNTS =
            " l.provider_id = a.provider_id AND l.currency = a.currency AND l.occurred_at >= a.opened_at\n";

    private static final String ACCOUNT_COLUMNS = """
            a.provider_id, a.kind, a.currency, a.low_balance_micros, a.avoid_when_exhausted, a.opened_at,
            a.created_at, a.created_by, a.updated_at, a.alert_level, a.alert_version, a.alert_changed_at""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every account with its limit, credits and spend: the running total up to the watermark plus the
     * ledger rows above it (a short range of the primary key, whatever the ledger's size).
     */
    List<Reading> readAll() {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + """
                        , coalesce(e.credited, 0) AS credited, coalesce(e.credit_limit, 0) AS credit_limit,
                          a.spend_checkpoint_micros + coalesce(t.spent, 0) AS spent
                        FROM provider_account a
                        LEFT JOIN (
                            SELECT provider_id,
                                   sum(amount_micros) FILTER (WHERE kind <> 'CREDIT_LIMIT') AS credited,
                                   (array_agg(amount_micros ORDER BY id DESC)
                                       FILTER (WHERE kind = 'CREDIT_LIMIT'))[1] AS credit_limit
                            FROM provider_account_entry GROUP BY provider_id) e ON e.provider_id = a.provider_id
                        LEFT JOIN (
                            SELECT a.provider_id, sum(l.wholesale_micros) AS spent
                            FROM usage_ledger l JOIN provider_account a ON""" + COUNTS + """
                            WHERE l.id > (SELECT through_ledger_id FROM procurement_spend_watermark)
                            GROUP BY a.provider_id) t ON t.provider_id = a.provider_id
                        ORDER BY a.provider_id""")
                .query((rs, n) -> new Reading(
                        stored(rs), rs.getLong("credit_limit"), rs.getLong("credited"), rs.getLong("spent")))
                .list();
    }

    Optional<Stored> find(ProviderId id) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM provider_account a WHERE a.provider_id = ?")
                .param(id.value())
                .query((rs, n) -> stored(rs))
                .optional();
    }

    /**
     * The ledger id the running totals are summed to, share-locked until the transaction ends so that it
     * cannot move while an account's first total is computed.
     */
    long lockWatermarkShared() {
        return jdbc.sql("SELECT through_ledger_id FROM procurement_spend_watermark FOR SHARE")
                .query(Long.class)
                .single();
    }

    /** The wholesale spend of ledger rows up to {@code throughLedgerId} that count for a new account. */
    long spendThrough(ProviderId id, Currency currency, Instant openedAt, long throughLedgerId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(wholesale_micros), 0) FROM usage_ledger
                        WHERE provider_id = ? AND currency = ? AND occurred_at >= ? AND id <= ?""")
                .param(id.value())
                .param(currency.getCurrencyCode())
                .param(Timestamp.from(openedAt))
                .param(throughLedgerId)
                .query(Long.class)
                .single();
    }

    /** Inserts unless the provider has an account; false when it had one. */
    boolean insert(Stored a, long checkpointMicros) {
        return jdbc.sql("""
                        INSERT INTO provider_account (provider_id, kind, currency, low_balance_micros,
                            avoid_when_exhausted, opened_at, created_at, created_by, updated_at,
                            spend_checkpoint_micros)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (provider_id) DO NOTHING""")
                        .param(a.providerId().value())
                        .param(a.kind().name())
                        .param(a.currency().getCurrencyCode())
                        .param(a.lowBalanceMicros())
                        .param(a.avoidWhenExhausted())
                        .param(Timestamp.from(a.openedAt()))
                        .param(Timestamp.from(a.createdAt()))
                        .param(a.createdBy())
                        .param(Timestamp.from(a.updatedAt()))
                        .param(checkpointMicros)
                        .update()
                == 1;
    }

    void updateSettings(ProviderId id, AccountSettings settings, Instant now) {
        jdbc.sql("""
                        UPDATE provider_account SET low_balance_micros = ?, avoid_when_exhausted = ?, updated_at = ?
                        WHERE provider_id = ?""")
                .param(settings.lowBalanceThreshold().micros())
                .param(settings.avoidWhenExhausted())
                .param(Timestamp.from(now))
                .param(id.value())
                .update();
    }

    AccountEntry insertEntry(ProviderId id, NewAccountEntry e, String recordedBy, Instant at) {
        long entryId = jdbc.sql("""
                        INSERT INTO provider_account_entry (provider_id, kind, amount_micros, currency, reference, note,
                            recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .param(id.value())
                .param(e.kind().name())
                .param(e.amount().micros())
                .param(e.amount().currency().getCurrencyCode())
                .param(e.reference())
                .param(e.note())
                .param(recordedBy)
                .param(Timestamp.from(at))
                .query(Long.class)
                .single();
        return new AccountEntry(entryId, id, e.kind(), e.amount(), e.reference(), e.note(), recordedBy, at);
    }

    /** The account's entries, newest first. */
    List<AccountEntry> entries(ProviderId id) {
        return jdbc.sql("""
                        SELECT id, provider_id, kind, amount_micros, currency, reference, note, recorded_by, recorded_at
                        FROM provider_account_entry WHERE provider_id = ? ORDER BY id DESC""")
                .param(id.value())
                .query((rs, n) -> new AccountEntry(
                        rs.getLong("id"),
                        new ProviderId(rs.getString("provider_id")),
                        EntryKind.valueOf(rs.getString("kind")),
                        Money.ofMicros(rs.getLong("amount_micros"), rs.getString("currency")),
                        rs.getString("reference"),
                        rs.getString("note"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The highest ledger id drawn so far, as far as this snapshot can tell. */
    long maxLedgerId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM usage_ledger")
                .query(Long.class)
                .single();
    }

    /**
     * Folds the ledger rows in (watermark, {@code targetLedgerId}] into every account's running total and
     * moves the watermark there. Must run in a transaction; returns false without waiting when another
     * node is doing the same, or when the watermark is already there.
     */
    boolean advanceWatermark(long targetLedgerId, Instant now) {
        Optional<Long> through = jdbc.sql(
                        "SELECT through_ledger_id FROM procurement_spend_watermark FOR UPDATE SKIP LOCKED")
                .query(Long.class)
                .optional();
        if (through.isEmpty() || through.get() >= targetLedgerId) {
            return false;
        }
        jdbc.sql("""
                        UPDATE provider_account acc SET spend_checkpoint_micros = acc.spend_checkpoint_micros + s.spent
                        FROM (SELECT a.provider_id, sum(l.wholesale_micros) AS spent
                              FROM usage_ledger l JOIN provider_account a ON""" + COUNTS + """
                              WHERE l.id > :from AND l.id <= :to
                              GROUP BY a.provider_id) s
                        WHERE acc.provider_id = s.provider_id""")
                .param("from", through.get())
                .param("to", targetLedgerId)
                .update();
        jdbc.sql("UPDATE procurement_spend_watermark SET through_ledger_id = ?, advanced_at = ?")
                .param(targetLedgerId)
                .param(Timestamp.from(now))
                .update();
        return true;
    }

    /**
     * Moves the shared alert state to {@code to} if nobody changed it since {@code readVersion} was read;
     * true for exactly one caller per transition, whichever node it runs on.
     */
    boolean transition(ProviderId id, long readVersion, AlertLevel to, Instant now) {
        return jdbc.sql("""
                        UPDATE provider_account SET alert_level = ?, alert_version = alert_version + 1,
                            alert_changed_at = ?
                        WHERE provider_id = ? AND alert_version = ?""")
                        .param(to.name())
                        .param(Timestamp.from(now))
                        .param(id.value())
                        .param(readVersion)
                        .update()
                == 1;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Timestamp changed = rs.getTimestamp("alert_changed_at");
        return new Stored(
                new ProviderId(rs.getString("provider_id")),
                AccountKind.valueOf(rs.getString("kind")),
                Currency.getInstance(rs.getString("currency").strip()),
                rs.getLong("low_balance_micros"),
                rs.getBoolean("avoid_when_exhausted"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(),
                AlertLevel.valueOf(rs.getString("alert_level")),
                rs.getLong("alert_version"),
                changed == null ? null : changed.toInstant());
    }
}

package dev.switchboard.procurement;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.CatalogNotFoundException;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Procurement, the upstream side of the resale: per provider an account with a prepaid balance or a
 * credit line, drawn down by the wholesale spend the usage ledger records, refilled by top-ups; a
 * low-balance alert ({@link ProviderBalanceLow}, once per crossing) and a way for the router to avoid a
 * provider with nothing left.
 *
 * <p>The ledger is the source of truth for spend, so the balance survives any crash: balance = top-ups
 * + adjustments - ledger wholesale since the account opened (a credit line adds its limit to what is
 * left). Each node keeps the balances in memory and refreshes them every {@code
 * switchboard.procurement.refresh-interval} (default 1 s) from a cached running total plus the few
 * newest ledger rows, so the hot-path methods ({@link #recordSpend}, {@link #exhausted}, {@link
 * #exhaustedProviders}, {@link #providersToAvoid}) never touch the database and need no signed-in user.
 *
 * <p>Managing accounts needs a platform admin or finance.
 */
@Service
public class ProviderAccounts {

    private final AccountRepository accounts;
    private final SpendTracker tracker;
    private final Catalog catalog;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProviderAccounts(
            AccountRepository accounts,
            SpendTracker tracker,
            Catalog catalog,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.accounts = accounts;
        this.tracker = tracker;
        this.catalog = catalog;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Tells this node at once about wholesale spend the gateway has just settled, before the next
     * refresh reads it from the ledger. Call it after the ledger row is committed; it costs a map lookup
     * and a striped add. Providers without an account and spend in another currency are ignored.
     */
    public void recordSpend(ProviderId providerId, Money wholesale) {
        tracker.recordSpend(providerId, wholesale);
    }

    /** Whether nothing is left on the provider's account (false for a provider without an account). */
    public boolean exhausted(ProviderId providerId) {
        return tracker.exhausted(providerId);
    }

    /** Every provider whose account has nothing left, whatever its {@code avoidWhenExhausted}. */
    public Set<ProviderId> exhaustedProviders() {
        return tracker.exhaustedProviders(false);
    }

    /** The providers the router should skip: exhausted, and their account says to avoid them then. */
    public Set<ProviderId> providersToAvoid() {
        return tracker.exhaustedProviders(true);
    }

    /** Every account, freshly read. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    public List<ProviderAccount> accounts() {
        return tracker.refresh();
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    public ProviderAccount account(ProviderId providerId) {
        return fresh(providerId);
    }

    /** Opens the provider's account (one per provider), with its first top-up or credit limit. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    public ProviderAccount open(NewProviderAccount command) {
        requireProvider(command.providerId());
        Instant now = now();
        Instant openedAt = command.openedAt() == null ? now : command.openedAt().truncatedTo(ChronoUnit.MICROS);
        if (openedAt.isAfter(now)) {
            throw new ProcurementValidationException("openedAt", "must not be in the future");
        }
        String by = username();
        AccountSettings settings = command.settings();
        var stored = new AccountRepository.Stored(
                command.providerId(),
                command.kind(),
                command.currency(),
                settings.lowBalanceThreshold().micros(),
                settings.avoidWhenExhausted(),
                openedAt,
                now,
                by,
                now,
                AlertLevel.OK,
                0,
                null);
        tx.executeWithoutResult(status -> {
            // the watermark stays put until this account's running total up to it is in place
            long through = accounts.lockWatermarkShared();
            long spent = accounts.spendThrough(command.providerId(), command.currency(), openedAt, through);
            if (!accounts.insert(stored, spent)) {
                throw new ProcurementConflictException(
                        "provider '" + command.providerId() + "' already has an account; update it instead");
            }
            NewAccountEntry initial = command.initialEntry();
            if (initial != null) {
                accounts.insertEntry(command.providerId(), initial, by, now);
            }
        });
        return fresh(command.providerId());
    }

    /** Changes the low-balance threshold and whether the router avoids the provider when exhausted. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    public ProviderAccount update(ProviderId providerId, AccountSettings settings) {
        tx.executeWithoutResult(status -> {
            AccountRepository.Stored stored = stored(providerId);
            requireCurrency(stored, settings.lowBalanceThreshold(), "lowBalanceThresholdMicros");
            accounts.updateSettings(providerId, settings, now());
        });
        return fresh(providerId);
    }

    /** Records a top-up, a credit limit change or an adjustment; the balance reflects it at once. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    public AccountEntry record(ProviderId providerId, NewAccountEntry entry) {
        String by = username();
        AccountEntry recorded = tx.execute(status -> {
            AccountRepository.Stored stored = stored(providerId);
            requireCurrency(stored, entry.amount(), "currency");
            if (entry.kind() == EntryKind.CREDIT_LIMIT && stored.kind() != AccountKind.CREDIT_LINE) {
                throw new ProcurementValidationException("kind", "a prepaid account has no credit limit");
            }
            return accounts.insertEntry(providerId, entry, by, now());
        });
        tracker.refresh();
        return recorded;
    }

    /** The account's entries, newest first. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE')")
    public List<AccountEntry> entries(ProviderId providerId) {
        return tx.execute(status -> {
            stored(providerId);
            return accounts.entries(providerId);
        });
    }

    private ProviderAccount fresh(ProviderId providerId) {
        return tracker.refresh().stream()
                .filter(a -> a.providerId().equals(providerId))
                .findFirst()
                .orElseThrow(() -> new ProcurementNotFoundException(providerId));
    }

    private AccountRepository.Stored stored(ProviderId providerId) {
        return accounts.find(providerId).orElseThrow(() -> new ProcurementNotFoundException(providerId));
    }

    private void requireProvider(ProviderId providerId) {
        try {
            catalog.provider(providerId);
        } catch (CatalogNotFoundException e) {
            throw new ProcurementValidationException("providerId", "provider '" + providerId + "' does not exist");
        }
    }

    private static void requireCurrency(AccountRepository.Stored stored, Money amount, String field) {
        if (!amount.currency().equals(stored.currency())) {
            throw new ProcurementValidationException(
                    field, "the account of '" + stored.providerId() + "' is kept in " + stored.currency());
        }
    }

    private static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("changing provider accounts needs a signed-in user");
        }
        return authentication.getName();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

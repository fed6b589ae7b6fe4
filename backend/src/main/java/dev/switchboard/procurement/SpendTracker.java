package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's picture of every provider account, rebuilt from the database on every {@link #refresh}
 * and answered from memory in between.
 *
 * <p>Spend comes from the usage ledger only, so nothing is lost when a node crashes: an account's spend
 * is its running total (ledger rows up to a shared watermark, advanced once rows are settled, see {@link
 * WatermarkHistory}) plus the ledger rows above the watermark. {@link #recordSpend} adds a hint on top
 * so that this node sees its own spend at once rather than at the next refresh; a refresh drops the
 * hints recorded before it started (their ledger rows were committed by then and are in its sums). A
 * hint recorded while a refresh runs may be counted twice until the next one: the error is on the safe
 * side (an account looks exhausted slightly early), and hints never reach the stored alert state.
 *
 * <p>Alert transitions are conditional updates on a version column, so each one happens, and its
 * {@link ProviderBalanceLow} is published, exactly once across all nodes.
 */
@Component
class SpendTracker {

    private static final Logger log = LoggerFactory.getLogger(SpendTracker.class);

    /** An account as this node knows it; {@code hintBase} is the hint total its sums already include. */
    private record Live(ProviderAccount account, long remainingMicros, long hintBase) {}

    private final AccountRepository accounts;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ProcurementProperties properties;
    private final Clock clock;
    private final WatermarkHistory history = new WatermarkHistory();
    private final ConcurrentHashMap<ProviderId, LongAdder> hints = new ConcurrentHashMap<>();
    private volatile Map<ProviderId, Live> live = Map.of();
    /** The accounts marked to be avoided when exhausted: the router asks about them on every call. */
    private volatile List<Map.Entry<ProviderId, Live>> avoidable = List.of();

    private long lastAdvanceTarget = -1;

    SpendTracker(
            AccountRepository accounts,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            ProcurementProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Hot path: a few map lookups and a striped add; spend in another currency than the account's is ignored. */
    void recordSpend(ProviderId providerId, Money wholesale) {
        Live account = live.get(providerId);
        if (account == null
                || wholesale.micros() <= 0
                || !account.account().remaining().currency().equals(wholesale.currency())) {
            return;
        }
        LongAdder hint = hints.get(providerId);
        if (hint == null) {
            hint = hints.computeIfAbsent(providerId, id -> new LongAdder());
        }
        hint.add(wholesale.micros());
    }

    boolean exhausted(ProviderId providerId) {
        Live account = live.get(providerId);
        return account != null && exhausted(providerId, account);
    }

    Set<ProviderId> exhaustedProviders(boolean onlyThoseToAvoid) {
        if (onlyThoseToAvoid) { // the hot path: usually no account is marked, and none is exhausted
            Set<ProviderId> exhausted = null;
            for (Map.Entry<ProviderId, Live> e : avoidable) {
                if (exhausted(e.getKey(), e.getValue())) {
                    if (exhausted == null) {
                        exhausted = new java.util.HashSet<>();
                    }
                    exhausted.add(e.getKey());
                }
            }
            return exhausted == null ? Set.of() : Set.copyOf(exhausted);
        }
        return live.entrySet().stream()
                .filter(e -> exhausted(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Re-reads every account, folds settled ledger rows into the running totals when due, moves alert
     * states that changed and publishes their events. Serialised per node; safe on many nodes at once.
     */
    synchronized List<ProviderAccount> refresh() {
        Map<ProviderId, Long> hintBases = new HashMap<>();
        hints.forEach((id, hint) -> hintBases.put(id, hint.sum()));
        advanceWatermarkIfDue();
        List<ProviderBalanceLow> crossings = new ArrayList<>();
        Map<ProviderId, Live> next = new LinkedHashMap<>();
        for (AccountRepository.Reading reading : accounts.readAll()) {
            AccountRepository.Stored stored = reading.account();
            Balance balance = Balance.of(
                    stored.kind(), reading.creditLimitMicros(), reading.creditedMicros(), reading.spentMicros());
            ProviderAccount account = transitioned(stored, balance, crossings);
            next.put(
                    stored.providerId(),
                    new Live(account, balance.remainingMicros(), hintBases.getOrDefault(stored.providerId(), 0L)));
        }
        live = Map.copyOf(next);
        avoidable = next.entrySet().stream()
                .filter(e -> e.getValue().account().avoidWhenExhausted())
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
        hints.keySet().retainAll(next.keySet());
        for (ProviderBalanceLow crossing : crossings) {
            publish(crossing);
        }
        return List.copyOf(next.values().stream().map(Live::account).toList());
    }

    private void advanceWatermarkIfDue() {
        Instant now = clock.instant();
        history.observed(now, accounts.maxLedgerId());
        OptionalLong settled = history.settled(now, properties.settleLag());
        if (settled.isPresent() && settled.getAsLong() != lastAdvanceTarget) {
            long target = settled.getAsLong();
            Boolean advanced = tx.execute(status -> accounts.advanceWatermark(target, micros(now)));
            lastAdvanceTarget = target;
            log.debug(
                    "procurement watermark {} to ledger id {}",
                    Boolean.TRUE.equals(advanced) ? "moved" : "already at or past",
                    target);
        }
    }

    private ProviderAccount transitioned(
            AccountRepository.Stored stored, Balance balance, List<ProviderBalanceLow> crossings) {
        AlertLevel level = balance.level(stored.lowBalanceMicros());
        Instant changedAt = stored.alertChangedAt();
        if (level != stored.alertLevel()) {
            Instant now = micros(clock.instant());
            if (accounts.transition(stored.providerId(), stored.alertVersion(), level, now)) {
                changedAt = now;
                if (level.worseThan(stored.alertLevel())) {
                    crossings.add(new ProviderBalanceLow(
                            stored.providerId(),
                            level,
                            money(balance.remainingMicros(), stored),
                            money(stored.lowBalanceMicros(), stored),
                            now));
                }
            }
            // else another node moved it after our read: it saw at least our spend, its move stands
        }
        return view(stored, balance, level, changedAt);
    }

    private void publish(ProviderBalanceLow crossing) {
        try {
            events.publishEvent(crossing);
        } catch (RuntimeException e) {
            log.error("a listener of {} failed", crossing, e);
        }
    }

    private boolean exhausted(ProviderId id, Live account) {
        LongAdder hint = hints.get(id);
        long unread = hint == null ? 0 : Math.max(0, hint.sum() - account.hintBase());
        return account.remainingMicros() - unread <= 0;
    }

    private static ProviderAccount view(
            AccountRepository.Stored s, Balance balance, AlertLevel level, Instant alertChangedAt) {
        return new ProviderAccount(
                s.providerId(),
                s.kind(),
                money(balance.creditLimitMicros(), s),
                money(balance.creditedMicros(), s),
                money(balance.spentMicros(), s),
                money(balance.balanceMicros(), s),
                money(balance.remainingMicros(), s),
                money(s.lowBalanceMicros(), s),
                level,
                alertChangedAt,
                s.avoidWhenExhausted(),
                s.openedAt(),
                s.createdAt(),
                s.createdBy(),
                s.updatedAt());
    }

    private static Money money(long micros, AccountRepository.Stored s) {
        return new Money(micros, s.currency());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package dev.switchboard.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.ledger.CallStatus;
import dev.switchboard.ledger.UsageEntry;
import dev.switchboard.ledger.UsageLedger;
import dev.switchboard.ledger.UsageSource;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.testsupport.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Balances against the real ledger. The application's own refresher runs alongside; the tests refresh
 * explicitly (refreshes are serialised per node) and never wait for time to pass.
 */
@IntegrationTest
@WithMockUser(username = "finance-test", roles = "FINANCE")
class ProviderAccountsIT {

    static final Currency USD = Currency.getInstance("USD");

    @LocalServerPort
    int port;

    @Autowired
    ProviderAccounts accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    UsageLedger ledger;

    @Autowired
    OrgService org;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ConfigurableApplicationContext context;

    final List<ProviderBalanceLow> announced = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof ProviderBalanceLow low) {
            announced.add(low);
        }
    };

    OrgUnitId company;

    @BeforeEach
    void setUp() {
        company = org.company().id();
        context.addApplicationListener(listener);
    }

    @AfterEach
    void tearDown() {
        context.removeApplicationListener(listener);
    }

    private ProviderId newProvider() {
        String id = "proc-" + UUID.randomUUID().toString().substring(0, 8);
        var created = ApiClient.asMaster(port)
                .post(
                        "/api/v1/providers",
                        Map.of(
                                "id", id,
                                "displayName", "Procurement test " + id,
                                "protocol", "IN_PROCESS",
                                "region", "local",
                                "jurisdiction", "self-hosted"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ProviderId.of(id);
    }

    private static Money usd(long micros) {
        return new Money(micros, USD);
    }

    private ProviderAccount openPrepaid(ProviderId provider, long initial, long threshold, boolean avoid) {
        return accounts.open(new NewProviderAccount(
                provider,
                AccountKind.PREPAID,
                USD,
                initial == 0 ? null : usd(initial),
                "PO-" + provider,
                new AccountSettings(usd(threshold), avoid),
                null));
    }

    private void spend(ProviderId provider, Money wholesale, Instant occurredAt) {
        ledger.record(new UsageEntry(
                "proc-" + UUID.randomUUID(),
                occurredAt,
                null,
                company,
                null,
                provider.value(),
                "test-model",
                100,
                10,
                0,
                0,
                UsageSource.PROVIDER,
                wholesale,
                wholesale,
                0,
                1,
                null,
                CallStatus.OK,
                List.of(provider.value())));
    }

    private void spend(ProviderId provider, long usdMicros) {
        spend(provider, usd(usdMicros), clock.instant());
    }

    private ProviderAccount refreshed(ProviderId provider) {
        return accounts.accounts().stream()
                .filter(a -> a.providerId().equals(provider))
                .findFirst()
                .orElseThrow();
    }

    private List<ProviderBalanceLow> announcedFor(ProviderId provider) {
        return announced.stream().filter(e -> e.providerId().equals(provider)).toList();
    }

    @Test
    void prepaid_balance_is_top_ups_and_adjustments_minus_ledger_wholesale_since_opening() {
        ProviderId provider = newProvider();
        ProviderId other = newProvider();
        spend(provider, usd(777), clock.instant().minus(Duration.ofDays(1))); // before the account opened
        openPrepaid(provider, 10_000_000, 0, false);

        spend(provider, 1_500_000);
        spend(provider, 2_000_000);
        spend(provider, Money.ofMicros(900_000, "EUR"), clock.instant()); // not the account's currency
        spend(other, 5_000_000); // another provider
        accounts.record(
                provider, new NewAccountEntry(EntryKind.ADJUSTMENT, usd(-500_000), "CN-17", "credit note reversed"));

        ProviderAccount account = refreshed(provider);
        assertThat(account.credited()).isEqualTo(usd(9_500_000));
        assertThat(account.spent()).isEqualTo(usd(3_500_000));
        assertThat(account.balance()).isEqualTo(usd(6_000_000));
        assertThat(account.remaining()).isEqualTo(usd(6_000_000));
        assertThat(account.creditLimit()).isEqualTo(usd(0));
        assertThat(account.alertLevel()).isEqualTo(AlertLevel.OK);
        assertThat(accounts.entries(provider))
                .extracting(AccountEntry::kind, e -> e.amount().micros(), AccountEntry::recordedBy)
                .containsExactly(
                        tuple(EntryKind.ADJUSTMENT, -500_000L, "finance-test"),
                        tuple(EntryKind.TOP_UP, 10_000_000L, "finance-test"));
    }

    @Test
    void credit_line_remaining_is_the_limit_plus_payments_minus_spend() {
        ProviderId provider = newProvider();
        accounts.open(new NewProviderAccount(
                provider,
                AccountKind.CREDIT_LINE,
                USD,
                usd(5_000_000),
                "MSA-2026",
                new AccountSettings(usd(0), true),
                null));
        spend(provider, 4_000_000);

        ProviderAccount used = refreshed(provider);
        assertThat(used.balance()).isEqualTo(usd(-4_000_000));
        assertThat(used.remaining()).isEqualTo(usd(1_000_000));

        accounts.record(provider, NewAccountEntry.topUp(usd(4_000_000), "INV-11 paid"));
        accounts.record(provider, new NewAccountEntry(EntryKind.CREDIT_LIMIT, usd(2_000_000), "limit cut", null));

        ProviderAccount after = refreshed(provider);
        assertThat(after.creditLimit()).isEqualTo(usd(2_000_000));
        assertThat(after.balance()).isEqualTo(usd(0));
        assertThat(after.remaining()).isEqualTo(usd(2_000_000));
    }

    @Test
    void low_balance_is_announced_once_per_crossing_even_with_a_second_node_refreshing() {
        ProviderId provider = newProvider();
        openPrepaid(provider, 10_000_000, 3_000_000, false);
        SpendTracker secondNode = new SpendTracker(
                repository,
                transactions,
                context,
                new ProcurementProperties(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                clock);

        spend(provider, 5_000_000);
        accounts.accounts();
        secondNode.refresh();
        assertThat(announcedFor(provider)).isEmpty();

        spend(provider, 2_500_000); // 2.5 left: below the threshold
        for (int i = 0; i < 3; i++) {
            accounts.accounts();
            secondNode.refresh();
        }
        spend(provider, 1_000_000); // still low: no new crossing
        accounts.accounts();
        secondNode.refresh();
        assertThat(announcedFor(provider)).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(AlertLevel.LOW);
            assertThat(e.remaining()).isEqualTo(usd(2_500_000));
            assertThat(e.lowBalanceThreshold()).isEqualTo(usd(3_000_000));
        });
        assertThat(refreshed(provider).alertLevel()).isEqualTo(AlertLevel.LOW);

        accounts.record(provider, NewAccountEntry.topUp(usd(5_000_000), "TOPUP-2")); // 6.5 left: re-armed
        assertThat(refreshed(provider).alertLevel()).isEqualTo(AlertLevel.OK);
        spend(provider, 4_000_000); // 2.5 left: crosses again
        secondNode.refresh();
        accounts.accounts();
        spend(provider, 3_000_000); // nothing left
        accounts.accounts();
        secondNode.refresh();

        assertThat(announcedFor(provider))
                .extracting(ProviderBalanceLow::level)
                .containsExactly(AlertLevel.LOW, AlertLevel.LOW, AlertLevel.EXHAUSTED);
    }

    @Test
    void an_exhausted_provider_is_reported_and_a_top_up_restores_it() {
        ProviderId avoided = newProvider();
        ProviderId tolerated = newProvider();
        openPrepaid(avoided, 1_000_000, 0, true);
        openPrepaid(tolerated, 1_000_000, 0, false);
        spend(avoided, 1_000_000);
        spend(tolerated, 1_200_000);

        assertThat(refreshed(avoided).alertLevel()).isEqualTo(AlertLevel.EXHAUSTED);
        assertThat(accounts.exhausted(avoided)).isTrue();
        assertThat(accounts.exhausted(tolerated)).isTrue();
        assertThat(accounts.exhaustedProviders()).contains(avoided, tolerated);
        assertThat(accounts.providersToAvoid()).contains(avoided).doesNotContain(tolerated);
        assertThat(announcedFor(avoided))
                .singleElement()
                .satisfies(e -> assertThat(e.exhausted()).isTrue());

        accounts.record(avoided, NewAccountEntry.topUp(usd(2_000_000), "TOPUP-3"));

        assertThat(accounts.exhausted(avoided)).isFalse();
        assertThat(accounts.providersToAvoid()).doesNotContain(avoided);
        assertThat(refreshed(avoided).remaining()).isEqualTo(usd(2_000_000));
        assertThat(refreshed(avoided).alertLevel()).isEqualTo(AlertLevel.OK);
    }

    @Test
    void spend_recorded_by_the_gateway_counts_at_once_and_the_ledger_takes_over_at_refresh() {
        ProviderId provider = newProvider();
        openPrepaid(provider, 1_000_000, 0, true);

        accounts.recordSpend(provider, usd(600_000));
        assertThat(accounts.exhausted(provider)).isFalse();
        accounts.recordSpend(provider, usd(400_000));
        accounts.recordSpend(provider, Money.ofMicros(5_000_000, "EUR")); // other currency: ignored
        assertThat(accounts.exhausted(provider)).isTrue();

        // the hints stood for ledger rows; here there are none, so the ledger's word (1.0 left) wins
        accounts.accounts();
        assertThat(accounts.exhausted(provider)).isFalse();
        assertThat(accounts.exhausted(ProviderId.of("no-account-here"))).isFalse();
    }

    @Test
    void settled_ledger_rows_move_into_the_running_total_without_changing_any_balance() {
        ProviderId provider = newProvider();
        openPrepaid(provider, 10_000_000, 0, false);
        spend(provider, 1_000_000);
        spend(provider, 2_000_000);
        long highestOfOurs = repository.maxLedgerId();
        TestClock time = new TestClock(clock.instant());
        SpendTracker node = new SpendTracker(
                repository,
                transactions,
                context,
                new ProcurementProperties(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                time);

        node.refresh(); // sees the highest ledger id
        time.advance(Duration.ofSeconds(30));
        List<ProviderAccount> after = node.refresh(); // it has settled: fold it in
        spend(provider, 500_000); // above the watermark

        assertThat(jdbc.sql("SELECT through_ledger_id FROM procurement_spend_watermark")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(highestOfOurs);
        assertThat(jdbc.sql("SELECT spend_checkpoint_micros FROM provider_account WHERE provider_id = ?")
                        .param(provider.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(3_000_000);
        assertThat(after.stream().filter(a -> a.providerId().equals(provider)))
                .singleElement()
                .satisfies(a -> assertThat(a.spent()).isEqualTo(usd(3_000_000)));
        assertThat(refreshed(provider).spent()).isEqualTo(usd(3_500_000));
    }

    @Test
    void an_account_opened_in_the_past_counts_the_settled_history_since_then() {
        ProviderId provider = newProvider();
        Instant now = clock.instant();
        spend(provider, usd(100_000), now.minus(Duration.ofDays(40))); // before the opening date
        spend(provider, usd(1_000_000), now.minus(Duration.ofDays(20)));
        TestClock time = new TestClock(now);
        SpendTracker node = new SpendTracker(
                repository,
                transactions,
                context,
                new ProcurementProperties(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                time);
        node.refresh();
        time.advance(Duration.ofSeconds(30));
        node.refresh(); // the history is below the watermark now

        accounts.open(new NewProviderAccount(
                provider,
                AccountKind.PREPAID,
                USD,
                usd(5_000_000),
                "PO-1",
                new AccountSettings(usd(0), false),
                now.minus(Duration.ofDays(30))));
        spend(provider, 250_000);

        assertThat(refreshed(provider).spent()).isEqualTo(usd(1_250_000));
        assertThat(refreshed(provider).remaining()).isEqualTo(usd(3_750_000));
    }

    @Test
    void of_two_nodes_moving_the_alert_from_the_same_reading_only_one_succeeds() {
        ProviderId provider = newProvider();
        openPrepaid(provider, 1_000_000, 0, false);
        AccountRepository.Stored read = repository.find(provider).orElseThrow();
        Instant now = clock.instant();

        boolean first = repository.transition(provider, read.alertVersion(), AlertLevel.EXHAUSTED, now);
        boolean second = repository.transition(provider, read.alertVersion(), AlertLevel.EXHAUSTED, now);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void account_entries_are_append_only() {
        ProviderId provider = newProvider();
        openPrepaid(provider, 1_000_000, 0, false);

        assertThatThrownBy(() -> jdbc.sql("UPDATE provider_account_entry SET amount_micros = 1 WHERE provider_id = ?")
                        .param(provider.value())
                        .update())
                .hasMessageContaining("append-only");
    }
}

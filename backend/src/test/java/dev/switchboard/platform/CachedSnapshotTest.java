package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CachedSnapshotTest {

    /** The "database": what a load reads now. */
    private final AtomicReference<String> stored = new AtomicReference<>("v1");

    private final AtomicInteger loads = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final CachedSnapshot<String> cache = new CachedSnapshot<>(Duration.ofSeconds(5), clock, () -> {
        loads.incrementAndGet();
        return stored.get();
    });

    @AfterEach
    void clearTransactionState() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    @Test
    void a_change_made_elsewhere_is_seen_once_the_ttl_has_passed_and_not_before() {
        assertThat(cache.get()).isEqualTo("v1");
        stored.set("v2"); // written by another node: nothing here is told

        clock.advance(Duration.ofMillis(4_900));
        assertThat(cache.get()).isEqualTo("v1");

        clock.advance(Duration.ofMillis(200));
        assertThat(cache.get()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void after_an_invalidation_the_next_read_loads_at_once() {
        cache.get();
        stored.set("v2");
        cache.invalidate();

        assertThat(cache.get()).isEqualTo("v2");
    }

    @Test
    void a_load_that_overlaps_an_invalidation_is_used_once_but_not_kept() {
        AtomicReference<CachedSnapshot<String>> self = new AtomicReference<>();
        AtomicBoolean first = new AtomicBoolean(true);
        CachedSnapshot<String> racing = new CachedSnapshot<>(Duration.ofSeconds(5), clock, () -> {
            String read = stored.get();
            if (first.getAndSet(false)) {
                // a writer commits and invalidates between this load's read and its store
                stored.set("v2");
                self.get().invalidate();
            }
            return read;
        });
        self.set(racing);

        assertThat(racing.get()).isEqualTo("v1");
        assertThat(racing.get()).as("the stale load was not kept").isEqualTo("v2");
    }

    @Test
    void a_read_between_a_write_and_its_commit_does_not_leave_the_old_state_behind() {
        // the writer's transaction: invalidates, registers the after-completion invalidation
        TransactionSynchronizationManager.initSynchronization();
        cache.invalidateOnCompletion();
        List<TransactionSynchronization> writerCallbacks = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();

        // another request reads before the commit: the database still has the old state
        assertThat(cache.get()).isEqualTo("v1");

        stored.set("v2"); // the commit
        writerCallbacks.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

        assertThat(cache.get()).isEqualTo("v2");
    }

    @Test
    void inside_a_read_write_transaction_the_database_is_read_and_nothing_is_kept() {
        cache.get();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        stored.set("uncommitted");

        assertThat(cache.get()).isEqualTo("uncommitted");

        TransactionSynchronizationManager.setActualTransactionActive(false); // rolled back
        stored.set("v1");
        assertThat(cache.get()).isEqualTo("v1");
        assertThat(loads)
                .as("one load for the cache, one inside the transaction")
                .hasValue(2);
    }

    @Test
    void inside_a_read_only_transaction_the_snapshot_serves() {
        cache.get();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);

        cache.get();

        assertThat(loads).hasValue(1);
    }

    @Test
    void a_clock_that_went_backwards_makes_the_snapshot_stale() {
        cache.get();
        clock.advance(Duration.ofSeconds(-10));
        stored.set("v2");

        assertThat(cache.get()).isEqualTo("v2");
    }

    @Test
    void while_one_caller_reloads_an_expired_snapshot_the_others_keep_the_old_one() throws Exception {
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        CachedSnapshot<String> slow = new CachedSnapshot<>(Duration.ofSeconds(5), clock, () -> {
            if (calls.incrementAndGet() == 2) {
                reloading.countDown();
                await(release);
                return "v2";
            }
            return "v1";
        });
        slow.get();
        clock.advance(Duration.ofSeconds(6));

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> reloader = threads.submit(slow::get);
            assertThat(reloading.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(threads.submit(slow::get).get(5, TimeUnit.SECONDS)).isEqualTo("v1");

            release.countDown();
            assertThat(reloader.get(5, TimeUnit.SECONDS)).isEqualTo("v2");
        }
        assertThat(slow.get()).isEqualTo("v2");
        assertThat(calls).hasValue(2);
    }

    @Test
    void reload_reads_the_database_even_when_the_snapshot_is_fresh() {
        cache.get();
        stored.set("v2");

        assertThat(cache.reload()).isEqualTo("v2");
        assertThat(cache.get()).isEqualTo("v2");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

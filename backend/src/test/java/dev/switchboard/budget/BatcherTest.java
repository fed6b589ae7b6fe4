package dev.switchboard.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class BatcherTest {

    static BudgetProperties.Batching batching(boolean enabled) {
        return new BudgetProperties.Batching(enabled, 100, 1, Duration.ofSeconds(10), 1000);
    }

    @Test
    void requests_queued_while_a_batch_runs_go_together_into_the_next_in_arrival_order() throws Exception {
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test",
                batch -> {
                    batches.add(List.copyOf(batch));
                    if (batches.size() == 1) {
                        firstBatchRunning.countDown();
                        await(releaseFirstBatch);
                    }
                    return batch.stream().map(i -> Batcher.Result.ok(i * 10)).toList();
                },
                batching(true));
        batcher.start();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = callers.submit(() -> batcher.submit(0));
            firstBatchRunning.await();
            List<Future<Integer>> queued = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int n = i;
                queued.add(callers.submit(() -> batcher.submit(n)));
                while (batcher.queued() < n) { // each one queued before the next: arrival order is known
                    Thread.onSpinWait();
                }
            }
            releaseFirstBatch.countDown();

            assertThat(first.get()).isZero();
            for (int i = 0; i < 5; i++) {
                assertThat(queued.get(i).get()).isEqualTo((i + 1) * 10);
            }
        } finally {
            batcher.stop();
        }
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
        assertThat(batcher.batches()).isEqualTo(2);
        assertThat(batcher.requests()).isEqualTo(6);
    }

    @Test
    void an_idle_caller_runs_its_own_batch_without_a_hand_off() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test",
                batch -> {
                    ranOn.set(Thread.currentThread());
                    return batch.stream().map(Batcher.Result::ok).toList();
                },
                batching(true));
        batcher.start();
        try {
            assertThat(batcher.submit(1)).isEqualTo(1);
        } finally {
            batcher.stop();
        }
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void a_caller_inside_a_transaction_has_its_batch_run_outside_it() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicBoolean synchronizationSeenByBatch = new AtomicBoolean(true);
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test",
                batch -> {
                    ranOn.set(Thread.currentThread());
                    synchronizationSeenByBatch.set(TransactionSynchronizationManager.isSynchronizationActive());
                    return batch.stream().map(Batcher.Result::ok).toList();
                },
                batching(true));
        batcher.start();
        TransactionSynchronizationManager.initSynchronization(); // as inside @Transactional
        try {
            assertThat(batcher.submit(2)).isEqualTo(2);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
            batcher.stop();
        }
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(synchronizationSeenByBatch).isFalse();
    }

    @Test
    void a_caller_that_gave_up_has_its_request_dropped_and_the_next_caller_is_still_served() throws Exception {
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<Integer> decided = new CopyOnWriteArrayList<>();
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test",
                batch -> {
                    decided.addAll(batch);
                    if (batch.contains(0)) {
                        await(releaseFirstBatch);
                    }
                    return batch.stream().map(Batcher.Result::ok).toList();
                },
                new BudgetProperties.Batching(true, 100, 1, Duration.ofMillis(1_000), 1000));
        batcher.start();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> leader = callers.submit(() -> batcher.submit(0));
            while (!decided.contains(0)) {
                Thread.onSpinWait();
            }
            Future<Integer> givesUp = callers.submit(() -> batcher.submit(1));
            while (batcher.queued() < 1) {
                Thread.onSpinWait();
            }
            Thread.sleep(500);
            Future<Integer> next = callers.submit(() -> batcher.submit(2));
            assertThatThrownBy(givesUp::get).hasMessageContaining("did not answer within");
            releaseFirstBatch.countDown(); // 1 s after caller 1 came, 0.5 s before caller 2's deadline

            assertThat(leader.get()).isZero();
            assertThat(next.get()).isEqualTo(2);
        } finally {
            batcher.stop();
        }
        assertThat(decided).containsExactly(0, 2);
    }

    @Test
    void a_failing_batch_is_split_so_only_the_bad_request_fails() throws Exception {
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test",
                batch -> {
                    if (batch.contains(13)) {
                        throw new IllegalStateException("13 breaks the batch");
                    }
                    return batch.stream().map(Batcher.Result::ok).toList();
                },
                batching(false));

        assertThat(batcher.submit(12)).isEqualTo(12);
        assertThatThrownBy(() -> batcher.submit(13)).hasMessageContaining("13 breaks");
    }

    @Test
    void an_expected_refusal_reaches_its_caller_only() {
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test",
                batch -> batch.stream()
                        .map(i -> i < 0
                                ? Batcher.Result.<Integer>failed(new IllegalArgumentException("negative"))
                                : Batcher.Result.ok(i))
                        .toList(),
                batching(false));

        assertThat(batcher.submit(1)).isEqualTo(1);
        assertThatThrownBy(() -> batcher.submit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_transient_database_failure_is_retried() {
        AtomicInteger attempts = new AtomicInteger();
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test",
                batch -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new DeadlockLoserDataAccessException("deadlock", null);
                    }
                    return batch.stream().map(Batcher.Result::ok).toList();
                },
                batching(false));

        assertThat(batcher.submit(7)).isEqualTo(7);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_stopped_batcher_refuses_new_requests() {
        Batcher<Integer, Integer> batcher = new Batcher<>(
                "test", batch -> batch.stream().map(Batcher.Result::ok).toList(), batching(true));
        batcher.start();
        batcher.stop();

        assertThatThrownBy(() -> batcher.submit(1)).hasMessageContaining("not running");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

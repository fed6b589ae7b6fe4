package dev.switchboard.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.budget.CounterStore.Target;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnbudgetedTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final Unbudgeted unbudgeted = new Unbudgeted();
    private final Target target = new Target(UUID.randomUUID(), null);

    @Test
    void nothing_is_known_or_remembered_before_changes_are_listened_for() {
        unbudgeted.remember(target, unbudgeted.generation());

        assertThat(unbudgeted.known(target)).isFalse();
        assertThat(unbudgeted.size()).isZero();
    }

    @Test
    void a_target_read_to_have_no_budget_is_known_until_a_change_arrives() {
        unbudgeted.trust(LEASE);
        unbudgeted.remember(target, unbudgeted.generation());
        assertThat(unbudgeted.known(target)).isTrue();
        assertThat(unbudgeted.known(new Target(target.orgUnitId(), UUID.randomUUID())))
                .as("the same unit with a key is another target")
                .isFalse();

        unbudgeted.forget();

        assertThat(unbudgeted.known(target)).isFalse();
    }

    @Test
    void a_read_that_started_before_a_change_is_not_remembered() {
        unbudgeted.trust(LEASE);
        long before = unbudgeted.generation();

        unbudgeted.forget(); // a change arrives while the read is under way
        unbudgeted.remember(target, before);

        assertThat(unbudgeted.known(target)).isFalse();
    }

    @Test
    void a_read_that_started_before_listening_began_is_not_remembered() {
        long before = unbudgeted.generation();
        unbudgeted.trust(LEASE);

        unbudgeted.remember(target, before);

        assertThat(unbudgeted.known(target)).isFalse();
    }

    @Test
    void losing_the_listening_connection_forgets_everything_and_trusts_nothing_until_listening_again() {
        unbudgeted.trust(LEASE);
        unbudgeted.remember(target, unbudgeted.generation());

        unbudgeted.distrust();
        unbudgeted.remember(target, unbudgeted.generation());

        assertThat(unbudgeted.known(target)).isFalse();
        unbudgeted.trust(LEASE);
        assertThat(unbudgeted.known(target))
                .as("what was known before is not trusted again")
                .isFalse();
    }

    @Test
    void the_set_starts_over_at_its_size_limit() {
        unbudgeted.trust(LEASE);
        long generation = unbudgeted.generation();
        for (int i = 0; i < Unbudgeted.MAX_TARGETS; i++) {
            unbudgeted.remember(new Target(UUID.randomUUID(), null), generation);
        }
        assertThat(unbudgeted.size()).isEqualTo(Unbudgeted.MAX_TARGETS);

        unbudgeted.remember(target, generation);

        assertThat(unbudgeted.size()).isOne();
        assertThat(unbudgeted.known(target)).isTrue();
    }

    @Test
    void a_listener_that_stops_vouching_is_no_longer_trusted_once_its_lease_ends() throws InterruptedException {
        unbudgeted.trust(Duration.ofMillis(50));
        unbudgeted.remember(target, unbudgeted.generation());
        assertThat(unbudgeted.known(target)).isTrue();

        Thread.sleep(120);

        assertThat(unbudgeted.known(target)).isFalse();
        unbudgeted.vouch(LEASE);
        assertThat(unbudgeted.known(target)).as("vouched for again").isTrue();
    }

    @Test
    void a_target_added_after_a_change_passed_the_check_is_never_seen_through_the_new_epoch() {
        unbudgeted.trust(LEASE);
        long before = unbudgeted.generation();
        unbudgeted.remember(new Target(UUID.randomUUID(), null), before); // the epoch exists
        unbudgeted.forget();

        unbudgeted.remember(target, before); // a late add with the old generation

        assertThat(unbudgeted.known(target)).isFalse();
        assertThat(unbudgeted.size()).isZero();
    }
}

package dev.switchboard.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalanceTest {

    @Test
    void prepaid_remaining_is_what_was_put_in_minus_what_was_spent() {
        Balance balance = Balance.of(AccountKind.PREPAID, 0, 10_000_000, 3_250_000);

        assertThat(balance.balanceMicros()).isEqualTo(6_750_000);
        assertThat(balance.remainingMicros()).isEqualTo(6_750_000);
    }

    @Test
    void a_prepaid_account_ignores_a_credit_limit() {
        assertThat(Balance.of(AccountKind.PREPAID, 5_000_000, 1_000_000, 0).remainingMicros())
                .isEqualTo(1_000_000);
    }

    @Test
    void credit_line_owes_its_spend_and_payments_free_the_line_again() {
        Balance used = Balance.of(AccountKind.CREDIT_LINE, 5_000_000, 0, 4_000_000);
        Balance paid = Balance.of(AccountKind.CREDIT_LINE, 5_000_000, 4_000_000, 4_000_000);

        assertThat(used.balanceMicros()).isEqualTo(-4_000_000);
        assertThat(used.remainingMicros()).isEqualTo(1_000_000);
        assertThat(paid.balanceMicros()).isZero();
        assertThat(paid.remainingMicros()).isEqualTo(5_000_000);
    }

    @Test
    void negative_adjustments_reduce_what_is_left() {
        assertThat(Balance.of(AccountKind.PREPAID, 0, 1_000_000 - 1_500_000, 0).remainingMicros())
                .isEqualTo(-500_000);
    }

    @Test
    void level_is_low_at_the_threshold_and_exhausted_at_zero() {
        Balance balance = Balance.of(AccountKind.PREPAID, 0, 10_000_000, 0);

        assertThat(balance.spend(6_999_999).level(3_000_000)).isEqualTo(AlertLevel.OK);
        assertThat(balance.spend(7_000_000).level(3_000_000)).isEqualTo(AlertLevel.LOW);
        assertThat(balance.spend(9_999_999).level(3_000_000)).isEqualTo(AlertLevel.LOW);
        assertThat(balance.spend(10_000_000).level(3_000_000)).isEqualTo(AlertLevel.EXHAUSTED);
        assertThat(balance.spend(12_000_000).level(3_000_000)).isEqualTo(AlertLevel.EXHAUSTED);
    }

    @Test
    void without_a_threshold_only_exhaustion_alerts() {
        Balance balance = Balance.of(AccountKind.PREPAID, 0, 10, 0);

        assertThat(balance.spend(9).level(0)).isEqualTo(AlertLevel.OK);
        assertThat(balance.spend(10).level(0)).isEqualTo(AlertLevel.EXHAUSTED);
    }

    @Test
    void only_downward_moves_are_crossings() {
        assertThat(AlertLevel.LOW.worseThan(AlertLevel.OK)).isTrue();
        assertThat(AlertLevel.EXHAUSTED.worseThan(AlertLevel.LOW)).isTrue();
        assertThat(AlertLevel.OK.worseThan(AlertLevel.LOW)).isFalse();
        assertThat(AlertLevel.LOW.worseThan(AlertLevel.LOW)).isFalse();
    }

    @Test
    void arithmetic_overflow_fails_instead_of_wrapping() {
        Balance huge = Balance.of(AccountKind.CREDIT_LINE, Long.MAX_VALUE, 1, 0);

        assertThatThrownBy(huge::remainingMicros).isInstanceOf(ArithmeticException.class);
    }
}

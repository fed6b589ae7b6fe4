package dev.switchboard.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void typed_amounts_become_exact_micros_and_more_than_six_decimals_are_refused() {
        assertThat(Amounts.micros(new BigDecimal("250"))).isEqualTo(250_000_000);
        assertThat(Amounts.micros(new BigDecimal("0.000001"))).isEqualTo(1);
        assertThat(Amounts.micros(new BigDecimal("0.1000000"))).isEqualTo(100_000);
        assertThatThrownBy(() -> Amounts.micros(new BigDecimal("0.0000001"))).hasMessageContaining("six decimals");
        assertThatThrownBy(() -> Amounts.micros(new BigDecimal("1e20"))).hasMessageContaining("too large");
    }

    @Test
    void amounts_read_as_people_say_them() {
        assertThat(Amounts.spoken(40_000_000, "USD")).isEqualTo("40.00 USD");
        assertThat(Amounts.spoken(123, "USD")).isEqualTo("0.000123 USD");
        assertThat(Amounts.money(-50, "EUR")).isEqualTo("-0.000050 EUR");
        assertThat(Amounts.decimal(500_500_000)).isEqualByComparingTo("500.5");
        assertThat(Amounts.percent(799, 1000)).isEqualTo(79);
    }
}

package dev.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void twenty_percent_markup_on_one_dollar_is_one_dollar_twenty() {
        assertThat(new Markup(2000).retailMicros(1_000_000)).isEqualTo(1_200_000);
    }

    @Test
    void rounds_half_up_to_the_micro() {
        // 3 micros × 1.15 = 3.45 → 3; 7 × 1.15 = 8.05 → 8; 10 × 1.25 = 12.5 → 13
        assertThat(new Markup(1500).retailMicros(3)).isEqualTo(3);
        assertThat(new Markup(1500).retailMicros(7)).isEqualTo(8);
        assertThat(new Markup(2500).retailMicros(10)).isEqualTo(13);
    }

    @Test
    void zero_markup_resells_at_cost() {
        assertThat(new Markup(0).retailMicros(123_456_789)).isEqualTo(123_456_789);
    }

    @Test
    void negative_or_absurd_markups_are_refused() {
        assertThatThrownBy(() -> new Markup(-1)).isInstanceOf(LedgerValidationException.class);
        assertThatThrownBy(() -> new Markup(Markup.MAX_BASIS_POINTS + 1)).isInstanceOf(LedgerValidationException.class);
    }
}
